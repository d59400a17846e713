// `throws` must be followed by a parenthesised field list; the later functions and `S` should be recovered
exception Oops {
  1: string message
}

service Svc {
  void broken() throws Oops
  void alsoBroken() throws 1: Oops o
  void fine() throws (1: Oops o)
}

struct S {
  1: i32 a
}
