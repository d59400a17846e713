// targets: java@0.17 java
service S {
  void f(1: i32 resultHandler)
}
