// targets: thriftpy2 py@0.17
struct Css {
  1: optional string class
}
