struct User {
  1: i64 user_id
  2: string full_name // renamed, same id and type
}
