struct Stamp {
  1: i64 seconds
}
