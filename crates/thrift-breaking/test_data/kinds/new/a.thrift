union A { 1: i32 x }
exception B { 1: i32 x }
exception C { 1: i32 x }
struct D { 1: string message }
struct E { 1: i32 x }
const i32 F = 1
