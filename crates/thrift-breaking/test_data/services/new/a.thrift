service Base {
  void ping()
  void moved_up()
}
service Other { void hello() }
service S extends Base {
  oneway void a()
  void b()
  void c()
  binary e(1: i32 x)
  i64 f()
}
service T {
  void t()
}
