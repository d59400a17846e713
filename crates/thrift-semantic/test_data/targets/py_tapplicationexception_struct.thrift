// targets: thriftpy2 py@0.17
struct TApplicationException {
  1: i32 x
}
