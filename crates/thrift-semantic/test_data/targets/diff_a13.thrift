// targets: thriftpy2 py@0.17
service S { oneway i32 f() }
