// targets: thriftpy2 py@0.17
struct P {
  1: i32 x
} (python.immutable = "")
struct S {
  1: map<list<i32> (python.immutable = ""), i32> m
  2: set<set<i32> (python.immutable = "")> s
  3: map<P, i32> p
}
const S s = {"m": {[1]: 2}, "s": [[1]], "p": {{"x": 1}: 2}}
