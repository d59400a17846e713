struct Order {
  1: i64 id
  7: string note
  3: string label_text
  4: i32 label
}
