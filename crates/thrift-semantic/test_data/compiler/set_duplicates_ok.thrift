const set<i32> S = [1, 1]
