// targets: thriftpy2 py@0.17
enum Op {
  list = 1
}
