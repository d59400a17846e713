const i32 I = 3
const string S = I
