// targets: thriftpy2 py@0.17
const map<map<i32,i32>, i32> M = {{1: 1}: 2}
