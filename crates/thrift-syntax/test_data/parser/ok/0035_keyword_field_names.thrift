// keywords as field names (Apache Thrift 0.18+; all keywords except xsd_* and cpp_type)
struct KeywordNames {
  1: i32 string
  2: i32 service
  3: uuid uuid
  4: list<string> list
  5: map<string, i32> map
  6: set<i32> set
  7: i32 binary
  8: bool bool
  9: i32 struct
  10: i32 enum
  11: i32 include
  12: i32 namespace
  13: i32 const
  14: i32 typedef
  15: i32 required
  16: i32 optional
  17: i32 oneway
  18: i32 void
  19: i32 throws
  20: i32 extends
  21: i32 exception
  22: i32 union
  23: i32 i32
}
