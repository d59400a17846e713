struct C {
  1: i32 x
}
