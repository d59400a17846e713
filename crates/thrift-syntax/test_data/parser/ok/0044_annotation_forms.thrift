// annotation syntax: no value, empty (), separators, trailing separators, multi-line, quotes
struct NoValue {
  1: i32 a (deprecated)
} (final, cpp.virtual)

struct Empty {
  1: i32 a ()
} ()

struct Separators {
  1: i32 a (x = "1", y = "2"; z = "3" w = "4")
  2: i32 b (trailing = "yes",)
  3: i32 c (trailing = 'yes';)
} (
  java.annotations = "@Foo",
  single.quoted = 'value',
  dotted.key.path = "v",
  no_value
)
