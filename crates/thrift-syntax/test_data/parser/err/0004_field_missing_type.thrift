// field 2 has an id but no type; fields 1 and 3 and struct `T` should still be recovered
struct S {
  1: i32 a
  2: b
  3: string c
}

struct T {
  1: i32 d
}
