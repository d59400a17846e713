struct S { 1: i32 a }
const S c = {"a": 1}
const map<string, S> M = {"k": c}
