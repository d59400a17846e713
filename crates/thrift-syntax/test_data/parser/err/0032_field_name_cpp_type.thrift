// `cpp_type` cannot be a field name (unlike most keywords); the other fields and `T` should be recovered
struct S {
  1: i32 before
  2: i32 cpp_type
  3: i32 after
}

struct T {
  1: i32 c
}
