struct T { 1: Later x = 3 }
typedef i32 Later
