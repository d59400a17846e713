const i32 MAX = 20
const i64 NAME = 1
const map<string,i32> M = {"a": 1, "b": 3}
const i32 SAME = 16
