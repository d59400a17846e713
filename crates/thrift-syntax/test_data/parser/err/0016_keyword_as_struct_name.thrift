// a keyword cannot name a struct (`struct string`, `struct list`); `Good` and `E` should be recovered
struct string {}

struct list {
  1: i32 a
}

struct Good {
  1: i32 b
}

enum E { A = 1 }
