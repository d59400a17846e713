// targets: go@0.17 thriftgo
struct NewUserRequest {
  1: i32 x
}
struct GetArgs {
  1: i32 y
}
