struct S { 1: i32 x }
const S C = {"x": 1}
