// targets: thriftpy2 py@0.17
enum E { A = 1 }
struct S { 1: E e = 5 }
