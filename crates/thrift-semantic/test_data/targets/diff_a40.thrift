// targets: thriftpy2 py@0.17
struct A {}
const A a = {}
