// map constants
const map<string, string> EMPTY = {}
const map<string, i32> COUNTS = {"a": 1, "b": 2}
const map<i32, string> NAMES = {1: "one", 2: 'two',}
const map<string, double> MULTILINE = {
  "pi": 3.14,
  "e": 2.71,
}
const map<i32,i32> TIGHT = {1:2,3:4}
