// targets: thriftpy2 py@0.17
// next, end and default are fine in comments
/* begin */
# self
struct A {
  1: string s = "end"
}
