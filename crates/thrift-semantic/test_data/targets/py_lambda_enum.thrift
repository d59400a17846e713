// targets: thriftpy2 py@0.17
enum Fn {
  lambda = 1
}
