// targets: thriftpy2 py@0.17
struct P {
  1: string name
  2: list<i32> ids
}
const P DEFAULT_P = {"name": "x", "ids": [1, 2]}
const list<P> PS = [{"name": "a"}]
