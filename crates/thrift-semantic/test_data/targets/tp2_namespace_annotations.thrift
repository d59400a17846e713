// targets: thriftpy2 py@0.17
namespace py example (deprecated = "true")
struct A {
  1: i32 x
}
