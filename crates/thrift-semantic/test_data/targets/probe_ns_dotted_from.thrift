// targets: thriftpy2 py@0.17
namespace java foo.from.bar
struct A { 1: i32 x }
