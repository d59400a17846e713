enum E { A = 5 }
const i64 X = E.A
