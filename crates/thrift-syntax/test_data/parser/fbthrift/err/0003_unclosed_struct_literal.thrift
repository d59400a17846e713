// a struct literal missing its `}`; the next const and struct should be recovered
const Foo FOO = Foo{name = "a", value = 1;
const i32 NEXT = 2;
struct S { 1: i32 a }
