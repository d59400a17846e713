// targets: thriftpy2 py@0.17
include "missing/types.thrift"
struct S {
  1: types.Id id
}
