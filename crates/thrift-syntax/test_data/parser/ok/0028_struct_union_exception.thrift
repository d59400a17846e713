// struct, union and exception definitions with fields and annotations
struct User {
  1: i64 id
  2: string name
} (cpp.type = "MyUser")

union Value {
  1: i32 int_value
  2: string string_value
  3: double double_value
}

exception NotFound {
  1: string message
  2: i32 code
} (message = "message")
