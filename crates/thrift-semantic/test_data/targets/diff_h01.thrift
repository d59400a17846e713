// targets: thriftpy2 py@0.17
const map<list<i32>, string> M = {[1, 2]: "a"}
