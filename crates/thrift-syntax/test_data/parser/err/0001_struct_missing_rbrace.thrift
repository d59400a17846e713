// struct `Broken` is missing its closing `}`; `Next`, `Color` and `Svc` should still be recovered
struct Broken {
  1: i32 a
  2: string b

struct Next {
  1: i32 c
}

enum Color {
  RED = 1
}

service Svc {
  void ping()
}
