// targets: thriftpy2 py@0.17
service S {
  void f() throws (1: E e) (ann = "x")
}
exception E {
  1: string m
}
