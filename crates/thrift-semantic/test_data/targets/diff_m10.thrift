// targets: thriftpy2 py@0.17
union U { 1: string s, 2: i32 i }
struct W { 1: U u = {"s": "x"} }
