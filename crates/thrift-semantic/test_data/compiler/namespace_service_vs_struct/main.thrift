include "a.thrift"
service Point {}
