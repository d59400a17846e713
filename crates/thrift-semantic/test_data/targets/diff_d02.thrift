// targets: thriftpy2 py@0.17
const list<string> L = ["a" "b"]
