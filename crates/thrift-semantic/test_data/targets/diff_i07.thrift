// targets: thriftpy2 py@0.17
struct P {
  1: i32 x
}
struct C {
  1: MyP p
}
typedef P MyP
