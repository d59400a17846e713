// targets: thriftpy2 py@0.17
enum E { from = 1 }
