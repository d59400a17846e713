// targets: go@0.17
namespace go example.api
struct A {
  1: i32 x
}
