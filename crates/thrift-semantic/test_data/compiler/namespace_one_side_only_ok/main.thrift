namespace java x
include "a.thrift"
struct Point {}
