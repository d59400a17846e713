const string S = 1.5
