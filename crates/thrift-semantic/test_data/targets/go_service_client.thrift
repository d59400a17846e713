// targets: go@0.17 thriftgo
struct SClient {
  1: i32 x
}
service S {
  void f()
}
