// targets: thriftpy2 py@0.17
struct Opt {
  1: i32 None
}
struct After {
  1: i32 x
}
