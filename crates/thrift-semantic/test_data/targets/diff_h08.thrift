// targets: thriftpy2 py@0.17
struct P { 1: i32 x }
struct S { 1: map<P, i32> m }
const S s = {"m": {{"x": 1}: 2}}
