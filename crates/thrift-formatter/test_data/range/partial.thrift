enum   A {X}
struct   B {
  1:i32 <RANGE_START>a
}
struct   C {1:i32 a}
const i32   D =<RANGE_END> 1
const i32   E = 2
