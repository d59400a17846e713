// targets: thriftpy2 py@0.17
const set<i32> S = ["a"]
