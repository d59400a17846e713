const map<i32, i32> M = [1, 2]
