// targets: thriftpy2 py@0.17
const map<string, list<string>> M = {
  "a": ["b", "c"],
}
