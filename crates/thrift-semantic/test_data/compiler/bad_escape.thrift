const string X = "\q"
