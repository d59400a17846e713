const string K = "k"
const map<string, i32> M = {K: 1}
