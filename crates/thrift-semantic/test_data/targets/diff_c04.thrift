// targets: thriftpy2 py@0.17
struct S { 1: E e = E.A }
enum E { A = 1 }
