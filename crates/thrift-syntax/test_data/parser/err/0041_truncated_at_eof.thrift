// the file ends in the middle of a struct (truncated input); `A` should be recovered
struct A {
  1: i32 a
}

struct Truncated {
  1: i32 b
  2: list<string
