// targets: go@0.17 thriftgo
enum Color {
  RED = 1
}
struct ColorPtr {
  1: i32 x
}
struct Color_RED {
  1: i32 y
}
