struct S { 1: void v }
