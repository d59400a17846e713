// targets: go@0.17 thriftgo
struct Point {
  1: i32 x
  2: i32 get_x
}
