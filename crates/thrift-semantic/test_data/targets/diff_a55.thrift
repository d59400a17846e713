// targets: thriftpy2 py@0.17
struct _A { 1: i32 _x }
