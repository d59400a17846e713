// targets: thriftpy2 py@0.17
struct A { 1: list<B> bs = [] }
struct B { 1: i32 x }
