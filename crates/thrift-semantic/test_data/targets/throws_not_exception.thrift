// targets: thriftpy2 py@0.17
struct NotAnError {
  1: i32 x
}
service S {
  void f() throws (1: NotAnError e)
}
