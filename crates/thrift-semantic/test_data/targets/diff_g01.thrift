// targets: thriftpy2 py@0.17
typedef B MyB
struct B { 1: i32 x }
