// targets: thriftpy2 py@0.17 go@0.17 java@0.17 thriftgo
struct Msg {
  1: string from
  2: string to
}
