struct A {}
enum E { X }
typedef string Name
const i32 MAX = 10
service S { void ping() }
struct Kept {}
