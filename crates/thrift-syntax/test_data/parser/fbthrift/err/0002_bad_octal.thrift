// in fbthrift a leading 0 is octal: 098 is an error; `S` should be recovered
const i32 BAD = 098;
const string ESC = "bad \q escape";
struct S {}
