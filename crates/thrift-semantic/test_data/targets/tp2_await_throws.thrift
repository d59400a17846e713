// targets: thriftpy2 py@0.17
exception Busy {
  1: string why
}
service S {
  void f() throws (1: Busy await)
}
