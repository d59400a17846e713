struct Moved {
  1: i64 x
}
