// targets: thriftpy2 py@0.17
struct Config {
  1: string default
}
