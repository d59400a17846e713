include "status.thrift"
struct M { 1: status.S s }
