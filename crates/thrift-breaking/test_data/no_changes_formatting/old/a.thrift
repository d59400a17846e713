namespace java x
struct A { 1: i32 x = 1, 2: optional string y }
enum E { A, B, C }
service S { void f(1: i32 a) throws (1: Ex e) }
exception Ex {}
