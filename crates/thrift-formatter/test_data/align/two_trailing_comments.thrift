struct A {
  1: i32 x /* a */ // b
  2: i32 yy // c
}
struct E { /* a */ }
struct Bbbbbbb {} // b
