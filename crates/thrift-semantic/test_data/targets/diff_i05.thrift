// targets: thriftpy2 py@0.17
typedef P MyP
typedef P MyP2
struct P {
  1: i32 x
}
