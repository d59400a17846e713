// targets: thriftpy2 py@0.17
struct Q {
  1: list<string> tags = []
}
