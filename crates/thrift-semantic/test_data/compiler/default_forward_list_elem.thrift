struct T { 1: list<Later> x = [3] }
typedef i32 Later
