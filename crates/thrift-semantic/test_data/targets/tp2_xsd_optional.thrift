// targets: thriftpy2 py@0.17
struct X {
  1: i32 a xsd_optional
}
