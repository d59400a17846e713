// targets: go@0.17 thriftgo
exception NotFound {
  1: string error
}
