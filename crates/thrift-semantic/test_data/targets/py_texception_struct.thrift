// targets: thriftpy2 py@0.17
struct TException {
  1: i32 x
}
exception E {
  1: string m
}
