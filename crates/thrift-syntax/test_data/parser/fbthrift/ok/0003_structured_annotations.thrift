// structured annotations on every kind of item
include "thrift/annotation/cpp.thrift"

@cpp.Type{name = "uint64_t"}
typedef i64 ui64

@Deprecated
@cpp.Adapter{name = "::my::Adapter", extra = [1, 2]}
struct S {
  @cpp.Ref{type = cpp.RefType.Unique}
  1: optional S next;
  @Doc{text = "nested", inner = Inner{x = 1, y = "two"}}
  2: i32 value = 3;
}

@Flag
enum E {
  @Flag
  A = 1,
  B = 2,
}

@Flag
const i32 C = 1;

@Flag
service Svc {
  @Flag
  void f(@Flag 1: i32 arg);
}

@Empty{}
union U {}
