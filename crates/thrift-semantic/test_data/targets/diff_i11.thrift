// targets: thriftpy2 py@0.17
const MyP X = 1
typedef i32 MyP
