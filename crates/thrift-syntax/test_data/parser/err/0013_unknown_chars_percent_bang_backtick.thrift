// `%`, `!` and a backtick are unknown characters; `S`, `T` and `E` should be recovered
% not thrift
struct S {
  1: i32 a !
  2: string `b`
}

struct T {
  1: i32 c
}

enum E { A = 1 }
