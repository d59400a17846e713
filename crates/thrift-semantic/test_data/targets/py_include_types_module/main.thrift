// targets: thriftpy2 py@0.17
include "types.thrift"
struct S {
  1: types.T t
}
