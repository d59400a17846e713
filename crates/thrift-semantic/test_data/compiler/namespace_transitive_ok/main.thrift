include "a.thrift"
struct Point {}
