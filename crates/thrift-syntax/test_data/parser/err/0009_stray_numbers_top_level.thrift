// stray number literals at top level; `A`, `B` and `C` should be recovered
42
struct A {
  1: i32 a
}
3.14 0x1F -7
struct B {
  1: i32 b
}
enum C { X = 1 }
