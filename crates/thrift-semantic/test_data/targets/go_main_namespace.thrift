// targets: go@0.17
namespace go example.main
struct A {
  1: i32 x
}
