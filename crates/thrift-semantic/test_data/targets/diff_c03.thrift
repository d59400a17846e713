// targets: thriftpy2 py@0.17
const P p = {"x": 1}
struct P { 1: i32 x }
