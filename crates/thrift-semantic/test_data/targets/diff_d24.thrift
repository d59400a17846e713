// targets: thriftpy2 py@0.17
struct A { 1: map<string, i32> m = {"a": 1, "b": 2} }
