// targets: thriftpy2 py@0.17
enum Kind {
  None = 0
  Some = 1
}
