// targets: thriftpy2 py@0.17
struct Rule {
  1: bool required
}
