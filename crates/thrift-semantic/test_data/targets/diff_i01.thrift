// targets: thriftpy2 py@0.17
struct C {
  1: P p
}
typedef P MyP
struct P {
  1: i32 x
}
