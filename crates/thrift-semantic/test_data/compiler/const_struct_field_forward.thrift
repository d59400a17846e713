struct A { 1: Later x }
const A c = {"x": 1}
typedef i32 Later
