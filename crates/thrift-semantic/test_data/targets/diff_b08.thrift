// targets: thriftpy2 py@0.17
const list<map<string,i32>> L = [{"a": "b"}]
