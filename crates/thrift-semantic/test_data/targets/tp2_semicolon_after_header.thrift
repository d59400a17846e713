// targets: thriftpy2 py@0.17
namespace py example;
include "shared/base.thrift";
struct A {
  1: i32 x;
}
