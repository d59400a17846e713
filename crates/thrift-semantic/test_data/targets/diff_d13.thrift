// targets: thriftpy2 py@0.17
struct A { 1: optional i32 x } service S { void f(1: optional i32 a) }
