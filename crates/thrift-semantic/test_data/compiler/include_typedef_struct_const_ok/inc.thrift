struct S { 1: i32 a }
typedef S TS
const S c = {"a": 1}
const TS d = c
