// targets: go@0.17 thriftgo
service S {
  void f(1: i32 ctx, 2: i32 p)
}
