enum E { A }
const E e = E.A
const map<E, i32> M = {e: 1}
