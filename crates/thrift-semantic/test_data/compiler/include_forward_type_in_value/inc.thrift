struct S { 1: Later a = 1 }
typedef i32 Later
