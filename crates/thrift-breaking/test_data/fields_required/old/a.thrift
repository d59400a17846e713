struct User {
  1: required i64 id
  2: optional string name
  3: string email
  4: i32 age
}
