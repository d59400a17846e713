struct A { 1: list<i32> l }
const A X = {"l": 1}
