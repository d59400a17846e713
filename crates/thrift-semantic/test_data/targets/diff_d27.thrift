// targets: thriftpy2 py@0.17
struct A { 1: string s = "x" }
const A a = {"s": "y"}
const list<A> l = [a]
