typedef i32 Count
typedef i32 Number
enum Color { RED, GREEN }
struct T {
  1: i64 a
  2: binary b
  3: i8 c
  4: Color d
  5: set<i32> e
  6: Number f
  7: map<binary, i32> g
  8: i32 h
  9: Count i
}
