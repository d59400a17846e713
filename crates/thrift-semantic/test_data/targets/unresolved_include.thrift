// targets: thriftpy2 py@0.17
include "missing.thrift"
struct A {
  1: i32 x
}
