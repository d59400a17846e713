// targets: thriftpy2 py@0.17
const string S = "café"
struct A {
  1: string s = "€"
}
