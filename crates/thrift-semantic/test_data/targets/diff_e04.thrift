// targets: thriftpy2 py@0.17
include "diff_e03.thrift"
