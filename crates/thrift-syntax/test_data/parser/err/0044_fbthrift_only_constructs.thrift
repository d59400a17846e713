// fbthrift syntax read as Apache (the dialect set to `apache`): one error each,
// and the same tree as in fbthrift
include "other.thrift";
namespace java a.b;
struct Vertex {}
struct S {
  1: Vertex (cpp.type = "V") v
  2: float f
  3: Vertex w = Vertex{}
}
const i32 HEX = 0XFF
const i32 A = 1 (a = "b")
service Svc {
  oneway void oneway()
  sink<i32>, stream<i16> bidi()
  string, sink<i32, i32> upload()
}
