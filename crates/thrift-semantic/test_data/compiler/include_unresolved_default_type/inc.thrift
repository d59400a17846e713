struct S { 1: Missing m = 1 }
