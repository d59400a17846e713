enum E1 { A }
enum E2 { A }
const E1 X = E2.A
