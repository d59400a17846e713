// targets: thriftpy2 py@0.17
struct all_structs { 1: i32 x }
