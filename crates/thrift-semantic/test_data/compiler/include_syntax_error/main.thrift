include "inc.thrift"
struct M { 1: inc.S s }
