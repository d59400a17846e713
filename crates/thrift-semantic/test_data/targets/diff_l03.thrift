// targets: thriftpy2 py@0.17
namespace py api.None
struct A {
  1: i32 x
}
