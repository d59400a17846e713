// targets: thriftpy2 py@0.17
struct A { 1: list<i32> l = [1,2] }
