struct S { 1: i32 a }
const S struct_constant = {"a": 1}
struct T { 1: required S s = struct_constant }
