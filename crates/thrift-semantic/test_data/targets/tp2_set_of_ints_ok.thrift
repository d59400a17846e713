// targets: thriftpy2 py@0.17
const set<i32> S = [1, 2, 3]
const map<string, list<i32>> M = {"a": [1], "b": [2]}
