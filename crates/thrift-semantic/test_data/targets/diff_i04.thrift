// targets: thriftpy2 py@0.17
struct C {
  1: list<P> p
}
typedef list<P> Ps
struct P {
  1: i32 x
}
