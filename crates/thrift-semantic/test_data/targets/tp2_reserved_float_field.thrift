// targets: thriftpy2 py@0.17
struct Metric {
  1: double float
}
