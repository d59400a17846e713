include "nope.thrift"
struct M {}
