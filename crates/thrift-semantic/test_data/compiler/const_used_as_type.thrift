const i32 C = 1
struct S { 1: C x }
