// `$` is not a Thrift character; field `b`, struct `T` and const `C` should be recovered
struct S {
  1: i32 $a
  2: string b
}

struct T {
  1: i32 c
}

const i32 C = 1
