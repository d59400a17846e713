// targets: thriftpy2 py@0.17
struct Dup {
  1: i32 a
  2: i32 a
}
struct After {
  1: i32 x
}
