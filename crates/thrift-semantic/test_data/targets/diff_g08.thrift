// targets: thriftpy2 py@0.17
struct Processor { 1: i32 x }
exception E { 1: Processor p }
service S { void f() throws (1: E e) }
