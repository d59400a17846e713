// targets: thriftpy2 py@0.17
struct A { 0: i32 x }
