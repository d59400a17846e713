// targets: thriftpy2 py@0.17
enum Client { A = 1 }
service S { Client f() }
