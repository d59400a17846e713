// targets: thriftpy2 py@0.17
struct Legacy {
  1: string exec
}
