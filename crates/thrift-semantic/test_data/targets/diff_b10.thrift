// targets: thriftpy2 py@0.17
const i8 X = 300
