const byte B = 300
