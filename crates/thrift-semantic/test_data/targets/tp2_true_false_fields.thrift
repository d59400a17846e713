// targets: thriftpy2 py@0.17
struct Flags {
  1: bool True
  2: bool False
}
