cpp_namespace x
struct S {}
