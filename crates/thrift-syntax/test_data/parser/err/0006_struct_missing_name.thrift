// `struct` keyword without a name; struct `Named` and enum `E` should still be recovered
struct {
  1: i32 a
}

struct Named {
  1: i32 b
}

enum E {
  A = 1
}
