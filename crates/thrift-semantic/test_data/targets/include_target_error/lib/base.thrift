namespace java com.example.base
struct Base {
  1: i32 next
  2: string from
}
