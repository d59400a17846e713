// targets: thriftpy2 py@0.17
const map<string, i32> M = {"a": "b"}
