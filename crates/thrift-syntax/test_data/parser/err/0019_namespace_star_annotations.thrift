// `namespace *` does not take annotations; the other namespace and `S` should be recovered
namespace * foo (a = "b")
namespace py foo (a = "b")

struct S {
  1: i32 a
}
