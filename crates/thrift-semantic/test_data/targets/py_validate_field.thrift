// targets: thriftpy2 py@0.17
struct Form {
  1: bool validate
}
