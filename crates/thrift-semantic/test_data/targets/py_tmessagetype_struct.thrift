// targets: thriftpy2 py@0.17
struct TMessageType {
  1: i32 x
}
service S {
  void f()
}
