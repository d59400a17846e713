const i32 I = 3
const double D = I
