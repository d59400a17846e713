const i32 C = 1
service S { C f() }
