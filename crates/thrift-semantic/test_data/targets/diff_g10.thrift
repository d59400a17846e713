// targets: thriftpy2 py@0.17
typedef list<B> Bs
struct B { 1: i32 x }
