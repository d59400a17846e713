// A change to one of two duplicates is reported at that duplicate only.
struct S {
  1: i32 a
  1: string b
}

enum E {
  A = 1
  A = 2
}

service Svc {
  void f()
  i32 f()
}
