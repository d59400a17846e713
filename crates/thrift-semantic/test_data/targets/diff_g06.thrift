// targets: thriftpy2 py@0.17
struct Iface { 1: i32 x }
service S { void f(1: Iface i) }
