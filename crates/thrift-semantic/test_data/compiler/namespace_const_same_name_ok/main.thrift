include "a.thrift"
const i32 X = 1
