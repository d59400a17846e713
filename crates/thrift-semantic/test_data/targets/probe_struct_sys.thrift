// targets: thriftpy2 py@0.17
struct sys { 1: i32 x }
