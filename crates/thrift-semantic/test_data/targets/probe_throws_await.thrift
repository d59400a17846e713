// targets: thriftpy2 py@0.17
exception X { 1: i32 a }
service S { void f() throws (1: X await) }
struct Z { 1: i32 z }
