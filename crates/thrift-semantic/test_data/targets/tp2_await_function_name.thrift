// targets: thriftpy2 py@0.17
service Loop {
  void await()
}
