// targets: go@0.17 thriftgo
struct user {
  1: i32 x
}
struct User {
  1: i32 y
}
