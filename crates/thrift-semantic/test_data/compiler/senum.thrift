senum S { "a" }
