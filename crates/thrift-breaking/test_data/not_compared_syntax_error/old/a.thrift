struct User {
  1: i64 id
  2: string name
  3: string email
  4: i32 age
  5: bool admin
  6: list<string> tags
}
