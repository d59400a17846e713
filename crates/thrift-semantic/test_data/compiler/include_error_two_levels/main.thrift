include "a.thrift"
