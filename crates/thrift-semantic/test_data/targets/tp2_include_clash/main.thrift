// targets: thriftpy2 py@0.17
include "a/common.thrift"
include "b/common.thrift"
struct Both {
  1: common.Left l
}
