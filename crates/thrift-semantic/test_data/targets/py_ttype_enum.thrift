// targets: thriftpy2 py@0.17
enum TType {
  A = 1
}
struct B {
  1: i32 x
}
