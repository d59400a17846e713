service S { void f() throws (1: Missing e) }
