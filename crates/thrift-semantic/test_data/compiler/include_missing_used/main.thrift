include "nope.thrift"
struct M { 1: nope.S s }
