// targets: thriftpy2 py@0.17
const list<i32> L = ["a"]
