const i32 X = true
const bool B = 1
const double D = 2
