// targets: thriftpy2 py@0.17
service Conn {
  void close()
  void open()
}
