// targets: thriftpy2 py@0.17
const i32 NEXT_PAGE = 2
const i32 ENDS = NEXT_PAGE
struct A {
  1: i32 ending = ENDS
}
