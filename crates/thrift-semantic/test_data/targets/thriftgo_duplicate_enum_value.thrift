// targets: thriftgo
enum Status {
  UNKNOWN = 0
  DEFAULT = 0
  OK
}
