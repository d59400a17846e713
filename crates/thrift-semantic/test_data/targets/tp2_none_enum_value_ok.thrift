// targets: thriftpy2 py@0.17 go@0.17 java@0.17 thriftgo
enum Maybe {
  None = 0
  Some = 1
}
