// function `broken` is missing `)` in its parameter list; `after` and `last` and struct `S` should still be recovered
service Svc {
  void before()
  void broken(1: i32 a, 2: string b
  void after(1: i32 c)
  i32 last()
}

struct S {
  1: i32 x
}
