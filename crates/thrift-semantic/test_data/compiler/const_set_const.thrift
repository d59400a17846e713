const set<i32> A = [1]
const set<i32> B = A
