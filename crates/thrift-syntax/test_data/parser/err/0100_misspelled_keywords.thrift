// misspelled definition keywords each get a "did you mean" error; `Good` is recovered
strcut A {
  1: i32 a
}
Struct B {}
enmu C { X }
servce D {
  void f()
}

struct Good {
  1: i32 x
}
