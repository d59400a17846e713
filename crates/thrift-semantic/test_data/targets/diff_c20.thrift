// targets: thriftpy2 py@0.17
const set<string> S = ["a", "a"]
