const list<i32> A = [1]
const list<i32> B = A
