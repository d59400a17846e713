// targets: thriftpy2 py@0.17
const list<map<list<i32>, i32>> L = [{[1]: 2}]
