// `extends` without a service name; the body of `Child`, `Other` and `S` should be recovered
service Base {
  void ping()
}

service Child extends {
  void childMethod()
}

service Other extends Base {
  void other()
}

struct S {
  1: i32 a
}
