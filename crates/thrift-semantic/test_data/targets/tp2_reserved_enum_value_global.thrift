// targets: thriftpy2 py@0.17
enum Scope {
  LOCAL = 1
  global = 2
}
