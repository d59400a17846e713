// enum values may be negative and hex
enum Numbers {
  MINUS_ONE = -1
  ZERO = 0
  HEX = 0x10
  NEG_HEX = -0x20
  LEADING_ZERO = 007
  MAX = 2147483647
  MIN = -2147483648
  POSITIVE = +5
}
