// targets: thriftpy2 py@0.17
struct Flag {
  1: bool true
}
