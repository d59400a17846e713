// targets: thriftpy2 py@0.17
service Log {
  async void push(1: string line)
}
