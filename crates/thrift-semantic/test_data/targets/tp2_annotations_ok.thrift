// targets: thriftpy2 py@0.17
struct A {
  1: i32 x (python.name = "y", flag)
} (final = "true")
enum E {
  A = 1 (doc = "a")
} (style = "x")
typedef i32 T (t = "u")
service S {
  void f() (idempotent = "true")
} (svc = "1")
