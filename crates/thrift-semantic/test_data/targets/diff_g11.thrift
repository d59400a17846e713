// targets: thriftpy2 py@0.17
const list<i32> L = [N]
const i32 N = 1
