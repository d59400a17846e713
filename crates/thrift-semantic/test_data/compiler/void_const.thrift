const void X = 1
