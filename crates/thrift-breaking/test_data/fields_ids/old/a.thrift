struct Order {
  1: i64 id
  2: string note
  3: i32 count
  4: string label
}
