// targets: thriftpy2 py@0.17
struct A { 1: i32 True }
struct Z { 1: i32 z }
