service S {
  void a()
  string b()
}
