// targets: thriftpy2 py@0.17
enum E { A = 4294967296 }
