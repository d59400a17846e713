// targets: go@0.17 thriftgo
struct Result {
  1: string error
}
