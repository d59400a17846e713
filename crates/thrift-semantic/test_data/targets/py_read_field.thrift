// targets: thriftpy2 py@0.17
struct Stream {
  1: i64 read
  2: i64 written
}
