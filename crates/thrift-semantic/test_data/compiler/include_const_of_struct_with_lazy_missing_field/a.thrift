struct S { 1: Missing m; 2: i32 n }
