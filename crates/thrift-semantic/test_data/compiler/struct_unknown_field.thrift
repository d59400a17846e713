struct S { 1: i32 a }
const S X = {"b": 1}
