// targets: thriftpy2 py@0.17
enum E { A, B = 5, C }
