struct S { 1: list<byte> b }
