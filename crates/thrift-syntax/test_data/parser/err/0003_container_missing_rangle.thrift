// `list<i32` is missing its closing `>`; field `b`, struct `T` and typedef `M` should still be recovered
struct S {
  1: list<i32 a
  2: string b
}

struct T {
  1: map<string, i32> m
}

typedef map<string, list<i32>> M
