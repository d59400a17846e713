// targets: thriftpy2 py@0.17
struct K {
  1: i32 x
}
const map<K, string> M = {}
const set<list<i32>> S = []
