struct A { 1: i32 x }
struct B { 1: i32 x }
union C { 1: i32 x }
exception D { 1: string message }
enum E { X }
typedef i32 F
