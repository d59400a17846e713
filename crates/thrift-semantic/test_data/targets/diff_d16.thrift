// targets: thriftpy2 py@0.17
typedef list<i32> (a = "b") L
