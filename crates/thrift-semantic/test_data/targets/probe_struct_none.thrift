// targets: thriftpy2 py@0.17
struct None { 1: i32 x }
struct Z { 1: i32 z }
