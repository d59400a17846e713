// targets: thriftpy2 py@0.17
namespace py foo.bar
namespace go foo
namespace cpp foo
struct A { 1: i32 x }
