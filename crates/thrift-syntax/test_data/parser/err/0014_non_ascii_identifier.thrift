// identifiers are ASCII only: `Ünïcode` and `naïve` are invalid; `Ascii` and `E` should be recovered
struct Ünïcode {}

struct Ascii {
  1: i32 naïve
  2: i32 plain
}

enum E {
  A = 1
}
