// targets: thriftpy2 py@0.17
struct S { 1: set<list<i32>> s = [[1]] }
