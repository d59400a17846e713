// annotation values must be string literals, not ints/bools; field `b` and struct `T` should be recovered
struct S {
  1: i32 a (foo = 1)
  2: i32 b (bar = "1")
} (baz = true)

struct T {
  1: i32 c
}
