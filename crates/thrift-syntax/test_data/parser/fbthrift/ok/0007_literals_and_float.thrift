// fbthrift literals: octal, binary, uppercase hex; escapes; float; int annotation values
namespace py3 "a.b"
const i32 OCT = 017;
const i32 BIN = 0b1011;
const i32 HEX = 0XFF;
const string ESC = "tab\t hex\x41 unicode\u00e9";
const string CONT = "first \
second";
const float F = 1.5;
typedef float Ratio (python.precision = 3, cpp.exact = true)
