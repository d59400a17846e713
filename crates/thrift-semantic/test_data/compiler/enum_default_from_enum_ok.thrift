enum E { A, B }
struct S { 1: E e = E.B }
