const map<i32, i32> M = []
struct S { 1: map<string, i32> m = [] }
