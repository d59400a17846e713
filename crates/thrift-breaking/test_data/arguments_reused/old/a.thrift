service S {
  void a(1: i32 count, 2: string name)
  void b(1: i32 count)
}
