struct S { 1: string string; 2: i32 list }
service Svc { void f(1: i32 required) }
