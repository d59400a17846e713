// a map entry is missing its `:`; the rest of `BROKEN`, `NEXT` and `S` should be recovered
const map<string, i32> BROKEN = {"a" 1, "b": 2}
const map<string, i32> NEXT = {"c": 3}

struct S {
  1: map<i32, i32> m = {1: 2}
}
