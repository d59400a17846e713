// targets: thriftpy2 py@0.17
struct object { 1: i32 x }
