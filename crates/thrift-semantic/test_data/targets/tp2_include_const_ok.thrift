// targets: thriftpy2 py@0.17
include "shared/base.thrift"
const i32 N = base.LIMIT
struct S {
  1: i32 n = N
}
