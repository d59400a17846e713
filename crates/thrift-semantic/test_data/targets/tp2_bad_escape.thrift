// targets: thriftpy2 py@0.17
const string S = "caf\u00e9"
