// fbthrift reads a string over several lines; the formatter keeps the string as
// written
package "meta.com/x"

struct S {
  1: string s (a = '{
  }')
  2:   i32 b
  3: string doc = "line one
line two"
}
