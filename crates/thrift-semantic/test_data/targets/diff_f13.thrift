// targets: thriftpy2 py@0.17
struct A { 1: i32 package }
struct B { 1: i32 float }
