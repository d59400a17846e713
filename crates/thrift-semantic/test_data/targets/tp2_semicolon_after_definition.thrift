// targets: thriftpy2 py@0.17
struct A {
  1: i32 x;
};
enum E {
  A = 1;
};
const i32 X = 1;
