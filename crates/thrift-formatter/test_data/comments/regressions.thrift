// regressions: comments inside signatures, map entries, annotations and empty blocks
service S {
  void g() throws // c
  (1: E e)
}
const map<string,i32> M = {
  // a
  "k": 1
}
struct B {
  1: i32 x (
    /* c */
    k = "v"
  )
}
struct A { /* a */ }
struct C { // c
}
