// targets: thriftpy2 py@0.17
struct P {
  1: required string name
}
struct Q {
  1: P p = {}
}
