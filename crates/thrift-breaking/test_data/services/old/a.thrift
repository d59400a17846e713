service Base { void ping() }
service Other { void hello() }
service S extends Base {
  void a()
  i32 b()
  oneway void c()
  void d()
  string e(1: i32 x)
  i32 f()
  void moved_up()
}
service T extends Other {
  void t()
}
