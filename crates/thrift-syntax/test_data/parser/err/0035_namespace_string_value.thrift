// namespace values are identifiers, not strings (fbthrift allows strings); the later namespace and `S` should be recovered
namespace py "foo.bar"
namespace go 'foo/bar'
namespace java org.example

struct S {
  1: i32 a
}
