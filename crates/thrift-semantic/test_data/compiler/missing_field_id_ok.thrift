struct S { i32 a }
