// targets: thriftpy2 py@0.17
struct await {
  1: i32 x
}
