// targets: thriftpy2 py@0.17
enum E {
  A = 0x10
  B = -0x1
}
