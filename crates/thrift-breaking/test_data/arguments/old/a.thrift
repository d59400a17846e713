service S {
  void a(1: i32 x, 2: string y, 3: i64 z)
  void b(1: i32 x)
  void c(1: i32 x, 2: string y)
  void d(1: string s, 2: i32 n)
}
