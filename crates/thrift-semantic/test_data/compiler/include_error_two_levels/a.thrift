include "b.thrift"
