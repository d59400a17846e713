// targets: thriftpy2 py@0.17
const map<i32, i32> M = {"a": 1}
