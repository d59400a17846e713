// targets: thriftpy2 py@0.17
struct A { 0x1: i32 x }
