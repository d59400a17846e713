const set<i32> S = {}
const list<i32> L = {}
