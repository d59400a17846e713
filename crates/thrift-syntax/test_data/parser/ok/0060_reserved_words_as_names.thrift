// words reserved by some languages or by fbthrift are plain identifiers in Apache Thrift 0.18+
struct class {
  1: i32 next
  2: string from
  3: i32 package
  4: i32 stream
  5: i32 interaction
  6: double float
  7: bool transient
  8: i32 performs
  9: i32 sink
}

service interaction {
  void stream(1: i32 sink)
  i32 readonly(1: i32 idempotent)
}
