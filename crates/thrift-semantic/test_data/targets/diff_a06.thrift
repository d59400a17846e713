// targets: thriftpy2 py@0.17
enum E { A = 1 }
const E e = 1
