struct A {}
const i32 A = 1
