// targets: thriftpy2 py@0.17
const map<set<i32>, i32> M = {[1]: 2}
