// targets: thriftpy2 py@0.17
enum Sign {
  NEG = -1
  ZERO = 0x0
  POS = 1
}
