// list and set constants
const list<i32> EMPTY = []
const list<i32> INTS = [1, 2, 3]
const list<string> STRS = ["a", 'b', "c",]
const set<string> TAGS = ["x", "y"]
const list<double> DOUBLES = [1.0, .5, -2e3]
const list<i64> MULTILINE = [
  1,
  2,
  3,
]
