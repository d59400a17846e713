// fbthrift reads a string over several lines (this file has no other fbthrift syntax,
// and auto detects it); the formatter keeps the string as written
struct S {
  1: string s (a = '{
  }')
  2:   i32 b
  3: string doc = "line one
line two"
}
