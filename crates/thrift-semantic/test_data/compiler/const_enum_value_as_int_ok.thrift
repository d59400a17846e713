enum E { A = 1 }
const i32 X = E.A
