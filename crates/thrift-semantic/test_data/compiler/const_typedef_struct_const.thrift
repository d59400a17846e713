struct S { 1: i32 a }
const S c = {"a": 1}
typedef S TS
const TS d = c
