// `stream<` without `>`; the next functions should be recovered
service S {
  stream<i32 numbers();
  void next();
}
struct T {}
