// targets: go@0.17 thriftgo
struct Account {
  1: i64 user_id
  2: string name
  3: string type
  4: i32 func
}
service Accounts {
  Account get(1: i64 user_id, 2: string context)
}
