// a const cannot be followed by annotations (only its type can carry them); `Y` and `S` should be recovered
const i32 X = 1 (a = "b")
const i32 Y = 2

struct S {
  1: i32 a
}
