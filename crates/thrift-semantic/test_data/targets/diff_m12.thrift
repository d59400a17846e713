// targets: thriftpy2 py@0.17
const string A = "a"
const string B = A
const list<string> L = [A, B]
