namespace * x
include "a.thrift"
struct Point {}
