// targets: thriftpy2 py@0.17
typedef MyP Q
typedef P MyP
struct P {
  1: i32 x
}
