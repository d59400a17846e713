// targets: thriftpy2 py@0.17
enum E { struct = 1 }
