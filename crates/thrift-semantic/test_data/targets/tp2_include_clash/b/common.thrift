struct Right {
  1: i32 y
}
