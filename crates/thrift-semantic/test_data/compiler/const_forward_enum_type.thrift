const E X = 1
enum E { A = 1 }
