// stray `}}}` at top level; struct `A` before and `B`, `C` after should be recovered
struct A {
  1: i32 a
}
}}}
struct B {
  1: i32 b
}

const i32 C = 3
