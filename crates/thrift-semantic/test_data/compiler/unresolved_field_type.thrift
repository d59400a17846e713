struct S { 1: Missing a }
