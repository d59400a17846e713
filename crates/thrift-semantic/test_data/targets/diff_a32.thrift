// targets: thriftpy2 py@0.17
const i64 BIG = 0x7fffffffffffffff
