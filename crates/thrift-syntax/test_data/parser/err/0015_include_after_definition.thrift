// `include` and `namespace` after the first definition are syntax errors; `B` and `C` should be recovered
include "shared.thrift"

struct A {
  1: i32 a
}

include "common/types.thrift"
namespace py too.late

struct B {
  1: i32 b
}

const i32 C = 1
