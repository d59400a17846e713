// integer constant forms: decimal, signed, leading zeros (decimal), hex, negative hex
const i32 DEC = 42
const i32 NEG = -17
const i32 POS = +17
const i32 ZERO = 0
const i32 LEADING_ZERO = 0777
const i32 LEADING_ZERO_98 = 098325
const i32 HEX = 0x1F
const i32 HEX_UPPER_DIGITS = 0xABCDEF
const i32 NEG_HEX = -0x1F
const i32 POS_HEX = +0x10
const i64 BIG_HEX = 0xFFFFFFFFFF
const i64 I64_MAX = 9223372036854775807
const i64 I64_MIN = -9223372036854775807
const i8 SMALL = 127
const i16 MEDIUM = -32768
