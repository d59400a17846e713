// targets: thriftpy2 py@0.17
const i32 X = 010
