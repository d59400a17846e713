// targets: thriftpy2 py@0.17
senum Names {
  "a"
  "b"
}
