// targets: thriftpy2 py@0.17
include "nonexistent.thrift"
