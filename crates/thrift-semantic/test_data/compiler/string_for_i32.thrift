const i32 X = "s"
