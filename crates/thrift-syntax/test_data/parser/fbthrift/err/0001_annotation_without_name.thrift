// `@` without a name; `S` and `T` should still be recovered
@
struct S {}
struct T { 1: i32 a }
