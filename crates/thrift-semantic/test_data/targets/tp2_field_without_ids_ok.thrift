// targets: thriftpy2 py@0.17
service S {
  void f(i32 a, i32 b)
}
