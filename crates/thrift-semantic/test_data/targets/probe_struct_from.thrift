// targets: thriftpy2 py@0.17
struct from { 1: i32 x }
