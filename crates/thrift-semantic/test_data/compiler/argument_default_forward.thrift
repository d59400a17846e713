service S { void f(1: Later x = 1) }
typedef i32 Later
