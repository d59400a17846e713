// targets: thriftpy2 py@0.17
struct TType { 1: i32 x }
