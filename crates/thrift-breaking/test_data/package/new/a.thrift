package "example.com/new"
struct A {}
