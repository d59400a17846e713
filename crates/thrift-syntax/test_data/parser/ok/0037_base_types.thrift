// every base type as a field type (byte is an alias of i8)
struct AllBaseTypes {
  1: bool a_bool
  2: byte a_byte
  3: i8 an_i8
  4: i16 an_i16
  5: i32 an_i32
  6: i64 an_i64
  7: double a_double
  8: string a_string
  9: binary a_binary
}
