const E X = E.A
enum E { A }
