// targets: thriftpy2 py@0.17
struct C {
  1: MyP p
}
typedef list<P> MyP
struct P {
  1: i32 x
}
