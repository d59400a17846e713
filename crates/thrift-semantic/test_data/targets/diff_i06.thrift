// targets: thriftpy2 py@0.17
struct C {
  1: MyP p
}
typedef i32 MyP
