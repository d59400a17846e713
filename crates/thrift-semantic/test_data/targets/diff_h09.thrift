// targets: thriftpy2 py@0.17
struct P { 1: i32 x }
const map<P, i32> M = {{"x": 1}: 2}
