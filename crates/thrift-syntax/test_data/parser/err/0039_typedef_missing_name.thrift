// typedefs missing their new name or their type; `Good` and `S` should be recovered
typedef i32
typedef Missing
typedef i64 Good

struct S {
  1: Good g
}
