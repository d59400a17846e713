// targets: thriftpy2 py@0.17
service S { i32 f() (a = "b") }
