// typedef of every base type
typedef bool MyBool
typedef byte MyByte
typedef i8 MyI8
typedef i16 MyI16
typedef i32 MyI32
typedef i64 MyI64
typedef double MyDouble
typedef string MyString
typedef binary MyBinary
