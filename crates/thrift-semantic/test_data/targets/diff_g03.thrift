// targets: thriftpy2 py@0.17
struct A { 1: i32 n = N }
const i32 N = 3
