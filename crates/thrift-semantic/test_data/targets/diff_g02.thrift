// targets: thriftpy2 py@0.17
struct A { 1: E e = E.X }
enum E { X = 1 }
