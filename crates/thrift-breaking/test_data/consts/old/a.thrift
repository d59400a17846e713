const i32 MAX = 10
const string NAME = "x"
const map<string, i32> M = {"a": 1, "b": 2}
const i32 SAME = 0x10
