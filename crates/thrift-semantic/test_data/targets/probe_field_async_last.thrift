// targets: thriftpy2 py@0.17
struct Z { 1: i32 z }
struct A { 1: i32 async }
