// targets: thriftpy2 py@0.17
struct Msg {
  1: string from
  2: string to
}
