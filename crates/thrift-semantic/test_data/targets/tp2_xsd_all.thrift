// targets: thriftpy2 py@0.17
struct X xsd_all {
  1: i32 a
}
