// targets: thriftpy2 py@0.17
include "a/common.thrift"
include "types.thrift"
struct S {
  1: common.C c
  2: types.T t
}
