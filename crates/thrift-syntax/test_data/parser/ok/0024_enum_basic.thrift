// enums with explicit values, implicit values and a mix
enum Explicit {
  A = 1
  B = 2
  C = 3
}

enum Implicit {
  X
  Y
  Z
}

enum Mixed {
  FIRST,
  SECOND = 10,
  THIRD,
  DUPLICATE = 10,
}

enum Empty {}
