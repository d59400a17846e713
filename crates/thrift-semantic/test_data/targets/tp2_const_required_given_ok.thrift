// targets: thriftpy2 py@0.17
struct P {
  1: required string name
  2: optional i32 age
}
const P SOMEBODY = {"name": "x"}
