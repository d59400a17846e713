typedef i32 Count
enum Color { RED, GREEN }
struct T {
  1: i32 a
  2: string b
  3: byte c
  4: i32 d
  5: list<i32> e
  6: Count f
  7: map<string, i32> g
  8: Color h
  9: i64 i
}
