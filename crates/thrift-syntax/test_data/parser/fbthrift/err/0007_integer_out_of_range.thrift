// one past the i64 limits, in decimal and hex, and past 64 bits; `S` should be recovered
const i64 BELOW = -9223372036854775809;
const i64 BELOW_HEX = -0x8000000000000001;
const i64 ABOVE = 9223372036854775808;
const i64 ABOVE_HEX = 0x8000000000000000;
const i64 HUGE = 0x10000000000000000;
struct S {}
