struct S { 32768: i32 a }
