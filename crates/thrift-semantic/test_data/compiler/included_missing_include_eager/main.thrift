include "status.thrift"
struct M { 1: i32 s }
const i32 X = status.C
