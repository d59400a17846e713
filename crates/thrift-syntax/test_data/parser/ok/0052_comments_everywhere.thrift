/* before headers */ include /* between */ "shared.thrift" // after
# between headers
namespace /* a */ py /* b */ example.py // c
struct /* 1 */ S /* 2 */ { /* 3 */
  // between fields
  1 /* 4 */ : /* 5 */ optional /* 6 */ list /* 7 */ < /* 8 */ i32 /* 9 */ > /* 10 */ a /* 11 */ = /* 12 */ [ /* 13 */ 1, // 14
    # 15
    2 /* 16 */ ] /* 17 */ ( /* 18 */ k /* 19 */ = /* 20 */ "v" /* 21 */ ) /* 22 */ , /* 23 */
  2: i32 b// no space before comment
  /* before closing brace */
} /* after closing brace */
struct Empty1 { /* inside empty body */ }
struct Empty2 {
  // only a line comment
}
struct Empty3 { # only a shell comment
}
const map<string, i32> M = { /* a */ "k" /* b */ : /* c */ 1 /* d */ } // e
service Svc { /* f */ void f( /* g */ 1: i32 x /* h */ ) /* i */ throws /* j */ ( /* k */ ) }
enum E { /* l */ A /* m */ = /* n */ 1 /* o */ , B # p
}
// end of file
