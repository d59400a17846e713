// targets: thriftpy2 py@0.17
const list<i32> K = [1, 2]
const map<list<i32>, string> M = {K: "a"}
