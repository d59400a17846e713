namespace java a.b
struct A {}
