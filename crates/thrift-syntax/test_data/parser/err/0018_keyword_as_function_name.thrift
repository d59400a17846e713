// keywords cannot be function names (`void service()`, `i32 list()`); `ok` functions and `Next` should be recovered
service Svc {
  void ok1()
  void service()
  void ok2()
  i32 list(1: i32 a)
  void ok3()
}

struct Next {
  1: i32 a
}
