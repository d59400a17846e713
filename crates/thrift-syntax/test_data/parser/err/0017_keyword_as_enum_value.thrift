// keywords cannot be enum value names (`string`, `struct`); the rest of `E` and `Next` should be recovered
enum E {
  A = 1,
  string = 2,
  B = 3,
  struct = 4,
  C = 5
}

struct Next {
  1: E e
}
