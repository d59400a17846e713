// targets: thriftpy2 py@0.17
struct Page {
  1: i32 list
}
