// targets: go@0.17 thriftgo
struct Account {
  1: i64 user_id
  2: i64 userID
}
