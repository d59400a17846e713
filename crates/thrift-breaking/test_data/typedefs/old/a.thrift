typedef i32 Id
typedef string Text
typedef list<i32> Ids
struct S { 1: Id id }
