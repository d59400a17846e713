// targets: thriftpy2 py@0.17
struct A { 1: i32 id } (python.immutable = "")
const A X = {"id": 1}
