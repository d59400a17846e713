// targets: go@0.17 thriftgo
struct Stream {
  1: i64 read
  2: string String
}
