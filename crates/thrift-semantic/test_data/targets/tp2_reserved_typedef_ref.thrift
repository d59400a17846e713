// targets: thriftpy2 py@0.17
typedef i64 var
struct A {
  1: var v
}
