service S {
  void a(1: string label, 2: string name)
  void b(1: i64 total, 2: i32 count)
}
