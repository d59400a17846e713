// targets: thriftpy2 py@0.17
const set<list<i32>> S = [[1]]
