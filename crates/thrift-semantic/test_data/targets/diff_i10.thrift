// targets: thriftpy2 py@0.17
struct C {
  1: MyP p
}
typedef MyQ MyP
typedef i32 MyQ
