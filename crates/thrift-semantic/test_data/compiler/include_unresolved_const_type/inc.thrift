struct S {}
const Missing X = 1
