// targets: thriftpy2 py@0.17
const E X = E.A
enum E { A = 1 }
