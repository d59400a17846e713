service S {
  i32 a()
  binary b()
}
