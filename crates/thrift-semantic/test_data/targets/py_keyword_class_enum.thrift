// targets: thriftpy2 py@0.17
enum Kind {
  class = 1
}
