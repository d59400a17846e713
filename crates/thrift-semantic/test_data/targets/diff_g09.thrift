// targets: thriftpy2 py@0.17
struct f_args { 1: i32 x }
service S { void f(1: f_args a) }
