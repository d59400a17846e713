// targets: thriftpy2 py@0.17 go@0.17 java@0.17 thriftgo
struct Paging {
  1: i32 nextPage
  2: i32 next_page
  3: i64 END_TIME
  4: i64 begin_at
  5: string Default
  6: string Next
  7: string self_link
  8: string is_valid
  9: string async_mode
  10: string None_
  11: string from_
  12: string match
  13: string type
  14: string id
}
