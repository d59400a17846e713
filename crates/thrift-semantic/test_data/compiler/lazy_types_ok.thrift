struct T { 1: Later x, 2: list<Later> y = [] }
typedef i32 Later
service X { Later f(1: Later2 a) }
typedef i32 Later2
typedef Later3 Early
typedef i32 Later3
