// keywords as argument and throws names (Apache Thrift 0.18+)
exception Oops {
  1: string message
}

service S {
  void f(1: i32 string, 2: i32 service, 3: binary binary) throws (1: Oops exception)
  i32 g(1: list<i32> list, 2: i64 oneway)
}
