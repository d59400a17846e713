struct S { 1: byte b = 300 }
