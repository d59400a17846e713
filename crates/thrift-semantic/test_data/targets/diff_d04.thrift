// targets: thriftpy2 py@0.17
const i64 X = 9223372036854775808
