// fbthrift takes annotations after a named type, and after a const value
struct Vertex {}
struct S {
  9: Vertex (cpp.type = "V") v (cpp.ref_type = "unique");
}
typedef Vertex (cpp.type = "V") V2
const i32 X = 1 (a = "b");
