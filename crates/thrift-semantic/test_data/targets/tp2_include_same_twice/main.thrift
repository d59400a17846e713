// targets: thriftpy2 py@0.17
include "common.thrift"
include "./common.thrift"
struct S {
  1: common.C c
}
