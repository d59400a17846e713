typedef i64 Id
struct Kind { 1: i32 a }
