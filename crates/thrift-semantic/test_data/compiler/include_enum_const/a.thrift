enum E { A }
const E C = E.A
