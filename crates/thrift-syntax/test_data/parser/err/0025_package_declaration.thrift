// `package "..."` is fbthrift syntax; in Apache Thrift it is a stray identifier and literal; `S` and `E` should be recovered
package "example.com/foo/bar"

namespace py foo.bar

struct S {
  1: i32 a
}

enum E { A = 1 }
