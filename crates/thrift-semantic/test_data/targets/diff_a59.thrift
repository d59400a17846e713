// targets: thriftpy2 py@0.17
typedef i32 int
struct A { 1: int x }
