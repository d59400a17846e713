// A change to one of two duplicates is reported at that duplicate only.
struct S {
  1: i32 a
  1: i64 b
}

enum E {
  A = 1
  A = 3
}

service Svc {
  void f()
  i64 f()
}
