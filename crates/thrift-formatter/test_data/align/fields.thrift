struct Xtruct {
  1: string string_thing, // first
  4: i8 byte_thing,
  9: required i32 i32_thing, // third one
  11: i64 i64_thing = 5

  // after a blank line and a comment: a new block
  12: Foo & f
  list<string> tags // no id
}
enum Status {
  ACTIVE = 1, // in use
  INACTIVE = 2,
  DELETED_FOR_GOOD = 30 // gone
}
