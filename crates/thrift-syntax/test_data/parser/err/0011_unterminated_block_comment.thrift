// a block comment is never closed; definitions BEFORE it (`A`, `E`) should be recovered
struct A {
  1: i32 a
}

enum E {
  X = 1
}

/* this comment runs to the end of the file
struct Hidden {
  1: i32 h
}
