// targets: thriftpy2 py@0.17
typedef P MyP
struct C {
  1: P p
}
struct P {
  1: i32 x
}
