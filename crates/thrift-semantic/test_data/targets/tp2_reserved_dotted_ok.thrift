// targets: thriftpy2 py@0.17
namespace java com.example.next
namespace py example.end.api
struct A {
  1: i32 x
}
