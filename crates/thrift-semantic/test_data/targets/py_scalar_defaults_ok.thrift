// targets: thriftpy2 py@0.17
enum E {
  A = 1
}
struct Q {
  1: i32 n = 3
  2: string s = "x"
  3: E e = E.A
  4: double d = 1.5
}
