// `include` must be followed by a string literal; the later include, namespace and `S` should be recovered
include shared
include
include "shared.thrift"
namespace py example

struct S {
  1: i32 a
}
