struct User {
  1: i64 id
  2: required string name
  3: optional string email
  4: i32 age
  5: required bool active
  6: optional bool admin
}
