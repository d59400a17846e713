enum E { A = 1 }
const E X = 5
