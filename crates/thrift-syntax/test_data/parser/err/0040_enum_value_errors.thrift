// enum values with a missing name, a missing value after `=` and a string value; `B`, `D` and `Next` should be recovered
enum E {
  A = 1,
  = 2,
  B = 3,
  C = ,
  D = 4,
  F = "five",
}

struct Next {
  1: E e
}
