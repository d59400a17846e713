// targets: thriftpy2 py@0.17
struct Café {
  1: i32 x
}
