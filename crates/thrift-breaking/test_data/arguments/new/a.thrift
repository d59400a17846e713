service S {
  void a(1: i64 x, 2: string name, 4: i64 z)
  void b(1: i32 x, 2: i32 extra, 3: required i32 needed)
  void c(1: required i32 x)
  void d(1: binary s, 2: string n)
}
