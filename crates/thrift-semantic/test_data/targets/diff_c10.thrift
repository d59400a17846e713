// targets: thriftpy2 py@0.17
const MyInt X = 1
typedef i32 MyInt
