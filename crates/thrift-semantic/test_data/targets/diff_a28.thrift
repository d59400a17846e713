// targets: thriftpy2 py@0.17
cpp_include "<vector>"
struct A { 1: i32 x }
