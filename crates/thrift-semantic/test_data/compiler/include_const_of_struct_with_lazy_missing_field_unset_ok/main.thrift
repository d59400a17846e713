include "a.thrift"
const a.S X = {"n": 1}
