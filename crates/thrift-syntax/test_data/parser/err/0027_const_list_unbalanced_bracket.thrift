// the list in `BROKEN` is never closed with `]`; `NEXT`, `M` and `S` should be recovered
const list<i32> BROKEN = [1, 2, 3
const list<i32> NEXT = [4, 5]
const map<string, i32> M = {"a": 1}

struct S {
  1: list<i32> l = [1]
}
