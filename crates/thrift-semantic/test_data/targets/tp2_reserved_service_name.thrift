// targets: thriftpy2 py@0.17
service interface {
  void ping()
}
