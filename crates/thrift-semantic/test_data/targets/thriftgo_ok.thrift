// targets: thriftgo
enum Status {
  UNKNOWN = 0
  OK = 1
}
service Log {
  oneway void push(1: string m)
}
