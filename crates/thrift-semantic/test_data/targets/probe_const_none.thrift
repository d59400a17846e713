// targets: thriftpy2 py@0.17
const i32 None = 1
struct Z { 1: i32 z }
