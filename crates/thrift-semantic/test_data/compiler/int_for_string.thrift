const string X = 1
