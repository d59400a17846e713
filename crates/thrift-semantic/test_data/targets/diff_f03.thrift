// targets: thriftpy2 py@0.17
struct async { 1: i32 x }
