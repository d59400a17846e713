// nested list/map/set constants
const list<list<i32>> MATRIX = [[1, 2], [3, 4], []]
const map<string, list<string>> GROUPS = {
  "admins": ["alice", "bob"],
  "users": [],
}
const map<i32, map<string, i32>> NESTED_MAP = {1: {"a": 1}, 2: {}}
const list<map<string, set<i32>>> DEEP = [{"k": [1, 2]}, {"j": []}]
