// targets: thriftpy2 py@0.17
struct Item {
  1: string uuid
}
