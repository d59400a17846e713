const i32 A = 1
const list<i32> L = [A]
const string S = "x"
const string S2 = S
const double D = A
struct T { 1: i32 x = A }
