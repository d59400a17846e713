// targets: thriftpy2 py@0.17
struct A { 1: i32 client, 2: i32 server, 3: i32 safe }
