// targets: thriftpy2 py@0.17
struct Client { 1: i32 x }
service S { Client f() }
