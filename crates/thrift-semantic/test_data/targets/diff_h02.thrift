// targets: thriftpy2 py@0.17
struct S { 1: map<list<i32>, i32> m }
const S s = {"m": {[1]: 2}}
