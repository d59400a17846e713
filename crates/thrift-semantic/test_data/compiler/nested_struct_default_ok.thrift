struct A { 1: i32 b }
struct C { 1: A a = {"b": 1} }
