include "a.thrift"
include "a.thrift"
struct M { 1: a.S s }
