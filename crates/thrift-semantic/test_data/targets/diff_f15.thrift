// targets: thriftpy2 py@0.17
struct A { 1: i32 stream, 2: i32 sink }
