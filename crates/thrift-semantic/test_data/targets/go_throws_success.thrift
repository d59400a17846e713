// targets: go@0.17 thriftgo
exception E {
  1: string m
}
service S {
  i32 f() throws (1: E success)
}
