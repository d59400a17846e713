struct S { 1: i32 a }
const S c = {"a": 1}
exception X { 1: S s = c }
