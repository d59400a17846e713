// targets: thriftpy2 py@0.17
struct Token {
  1: i32 string
}
