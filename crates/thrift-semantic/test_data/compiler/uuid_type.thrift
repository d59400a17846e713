struct S { 1: uuid u }
