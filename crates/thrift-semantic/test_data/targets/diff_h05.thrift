// targets: thriftpy2 py@0.17
const map<string, map<list<i32>, i32>> M = {"a": {[1]: 2}}
