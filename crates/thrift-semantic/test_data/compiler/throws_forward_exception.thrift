service S { void f() throws (1: Ex e) }
exception Ex {}
