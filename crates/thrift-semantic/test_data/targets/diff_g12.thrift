// targets: thriftpy2 py@0.17
service S { void f(1: i32 a = N) }
const i32 N = 1
