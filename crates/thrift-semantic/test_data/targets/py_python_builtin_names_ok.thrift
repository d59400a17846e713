// targets: thriftpy2 py@0.17
struct list_item {
  1: i32 id
  2: string type
  3: string str
  4: i32 len
  5: string object
  6: string dict
}
