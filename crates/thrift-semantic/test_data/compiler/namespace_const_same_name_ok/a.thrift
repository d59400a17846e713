const i32 X = 2
