include "Missing.thrift"
const Missing.T C = 1
