// targets: java@0.17 java
service S {
  void f()
  void f_args()
}
