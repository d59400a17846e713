// targets: thriftpy2 py@0.17
struct Module {
  1: i32 x
}
struct module {
  1: i32 y
}
