include "a.thrift"
const a.E X = a.C
