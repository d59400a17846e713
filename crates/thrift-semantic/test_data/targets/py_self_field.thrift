// targets: thriftpy2 py@0.17
struct Ref {
  1: string self
}
