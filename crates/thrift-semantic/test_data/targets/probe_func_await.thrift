// targets: thriftpy2 py@0.17
service S { void await() }
struct Z { 1: i32 z }
