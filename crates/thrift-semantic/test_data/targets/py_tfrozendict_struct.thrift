// targets: thriftpy2 py@0.17
struct TFrozenDict {
  1: i32 x
}
const map<string, i32> M = {"a": 1}
