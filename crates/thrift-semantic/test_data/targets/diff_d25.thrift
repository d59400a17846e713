// targets: thriftpy2 py@0.17
const list<i32> L = [1, 2, 3]
const list<i32> M = L
