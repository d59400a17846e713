// targets: thriftpy2 py@0.17
struct Entity {
  1: uuid id
}
