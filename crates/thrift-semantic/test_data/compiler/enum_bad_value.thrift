enum E { A }
const E X = E.NOPE
