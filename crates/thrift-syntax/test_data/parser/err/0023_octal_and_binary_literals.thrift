// `0o17`, `0b101` and `0X1F` are not Apache Thrift literals; `OK` and `S` should be recovered
const i32 OCT = 0o17
const i32 BIN = 0b101
const i32 UPPER_HEX = 0X1F
const i32 OK = 0x1F

struct S {
  1: i32 a
}
