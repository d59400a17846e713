// targets: thriftpy2 py@0.17
struct fix_spec {
  1: i32 x
}
