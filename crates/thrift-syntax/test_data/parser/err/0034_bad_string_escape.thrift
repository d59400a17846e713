// only \n \r \t \" \' \\ are valid escapes: `\u0041` and `\x41` are not; `OK` and `S` should be recovered
const string BAD_U = "a\tb\u0041"
const string BAD_X = 'hex \x41'
const string OK = "fine\n"

struct S {
  1: string s = "also \"fine\""
}
