// field ids must be followed by `:`; fields 1 and 3 and struct `T` should be recovered
struct S {
  1: i32 a
  2 i32 b
  3: i32 c
}

struct T {
  1: i32 d
}
