// targets: thriftgo
service Log {
  oneway i32 push(1: string m)
}
