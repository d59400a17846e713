// targets: thriftpy2 py@0.17
service Store {
  void delete(1: string key)
}
