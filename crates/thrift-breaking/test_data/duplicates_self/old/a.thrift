// Every kind of duplicate, compared with itself: nothing to report.
namespace java a.b
namespace java a.c

struct S {
  1: i32 a
  1: string b
  2: i64 c
  3: i64 c
  4: required bool d = true
  4: optional list<i32> d
}

struct S {
  1: double other
}

union U {
  1: i32 x
  1: i64 y
}

enum E {
  A = 1
  A = 2
  B = 3
  C = 3
}

exception X {}
exception Y {}

typedef i32 T
typedef string T

const i32 K = 1
const string K = "one"

service Svc {
  void f(1: i32 a, 1: string b, 2: i64 b)
  i32 f(1: double z)
  i64 g() throws (1: X x, 1: Y y, 2: X z)
}

service Svc {
  oneway void h()
}
