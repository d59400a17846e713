// fbthrift annotation values are strings, integers and bools only; `T` should be recovered
struct S {
  1: i32 a (ok = "s", n = 3, b = true, neg = -1);
  2: i32 b (d = 1.5, l = [1]);
}
struct T {}
