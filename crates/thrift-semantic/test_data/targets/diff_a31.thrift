// targets: thriftpy2 py@0.17
struct A { 1: i64 big = 9223372036854775807 }
