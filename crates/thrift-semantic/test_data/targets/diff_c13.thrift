// targets: thriftpy2 py@0.17
struct A {
  1: i32 x
  2: i32 y,
  3: i32 z;
}
