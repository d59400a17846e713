// targets: thriftpy2 py@0.17
exception E { 1: string message = "x" }
service S { oneway void f(1: i32 a), void g(1: required i32 x) throws (1: E e) }
