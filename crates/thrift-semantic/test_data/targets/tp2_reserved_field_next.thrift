// targets: thriftpy2 py@0.17 go@0.17 java@0.17 thriftgo
struct Page {
  1: i32 next
  2: i32 size
}
