// Apache reads `-9223372036854775808` but not the same number in hex (its
// compiler: "This integer is too big"); `S` should be recovered
const i64 MIN = -9223372036854775808
const i64 MIN_HEX = -0x8000000000000000
struct S {}
