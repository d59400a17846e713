// targets: thriftpy2 py@0.17
enum E { A, B, C }
const E e = E.B
