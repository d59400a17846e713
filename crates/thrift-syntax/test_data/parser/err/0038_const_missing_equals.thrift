// `const` without `=` and a const without a value; `C` and `S` should be recovered
const i32 A 1
const i32 B =
const i32 C = 3

struct S {
  1: i32 a
}
