// targets: thriftpy2 py@0.17
const i32 oneway = 1
