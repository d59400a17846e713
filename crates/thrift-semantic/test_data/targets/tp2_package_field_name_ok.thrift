// targets: thriftpy2 py@0.17
struct Pkg {
  1: string package
  2: string stream
  3: string client
}
