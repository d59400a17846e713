// with no closing quote before the end of the file, a string ends at the end of
// its line, and the rest of the file is still read: `S` should be recovered
struct S { 1: string s }
const string BROKEN = "never closed
struct T {}
