// targets: thriftpy2 py@0.17
exception E {
  1: string message
}
struct W {
  1: E err
}
