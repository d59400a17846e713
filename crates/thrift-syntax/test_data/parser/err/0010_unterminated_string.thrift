// a string literal is not closed before the end of line (strings cannot span lines); `Next` and `E` should be recovered
const string BROKEN = "this string never ends
const i32 OK = 1

struct Next {
  1: string s = 'also fine'
}

enum E {
  A = 1
}
