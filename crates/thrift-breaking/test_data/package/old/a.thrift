package "example.com/old"
struct A {}
