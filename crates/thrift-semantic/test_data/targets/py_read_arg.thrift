// targets: thriftpy2 py@0.17
service Files {
  i32 open(1: bool read)
}
