// field ids: explicit, omitted, zero, negative, `true`, hex, out of i16 range
struct Ids {
  2: i32 explicit_id
  string no_id
  i32 another_no_id
  0: i32 zero_id
  -1: i32 negative_id
  -0x5: i32 negative_hex_id
  true: i32 true_id
  0x10: i32 hex_id
  40000: i32 big_id
  +7: i32 plus_id
  010: i32 leading_zero_id
}
