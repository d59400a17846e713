// targets: thriftpy2 py@0.17
service Loader {
  void import(1: string path)
}
