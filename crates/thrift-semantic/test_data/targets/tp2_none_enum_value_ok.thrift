// targets: thriftpy2 py@0.17
enum Maybe {
  None = 0
  Some = 1
}
