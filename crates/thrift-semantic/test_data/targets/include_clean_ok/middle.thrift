namespace java com.example.mid
struct Mid {
  1: i32 b
}
