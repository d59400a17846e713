typedef i64 Id
typedef binary Text
typedef list<i32> Ids
struct S { 1: Id id }
