// targets: thriftpy2 py@0.17
struct Branch {
  1: string case
}
