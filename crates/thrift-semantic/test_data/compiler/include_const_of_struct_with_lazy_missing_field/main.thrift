include "a.thrift"
const a.S X = {"n": 1}
const a.S Y = {"m": 1}
