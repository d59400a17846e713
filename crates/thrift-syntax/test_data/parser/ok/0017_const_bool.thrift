// true/false are integer constants: usable for bool, and ints for bool
const bool T = true
const bool F = false
const bool ONE = 1
const bool ZERO = 0
const i32 TRUE_AS_INT = true
const list<bool> FLAGS = [true, false, 1, 0]
