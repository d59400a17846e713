// `include "x" as y` is fbthrift syntax; the following namespace and struct should be recovered
include "shared.thrift" as sh
namespace py example

struct S {
  1: i32 a
}
