// targets: thriftpy2 py@0.17
const i32 MASK = 0x10
const i32 NEG = -16
const double D = -1.5e3
