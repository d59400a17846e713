enum E { A = 1 }
const E e = E.A
const i32 X = e
