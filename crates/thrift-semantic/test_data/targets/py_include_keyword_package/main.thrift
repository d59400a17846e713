// targets: thriftpy2 py@0.17
include "sub/class.thrift"
struct A {
  1: class.B b
}
