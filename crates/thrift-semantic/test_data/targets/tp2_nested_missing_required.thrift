// targets: thriftpy2 py@0.17
struct P {
  1: required string name
}
const map<string, P> BY_ID = {"a": {}}
