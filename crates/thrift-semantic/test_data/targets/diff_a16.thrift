// targets: thriftpy2 py@0.17
const map<i32, string> M = {1: "a", 2: "b",}
