// targets: thriftpy2 py@0.17
include "shared.thrift"
struct S {
  1: shared.Color c = shared.RED
  2: shared.Color d = shared.Color.GREEN
}
