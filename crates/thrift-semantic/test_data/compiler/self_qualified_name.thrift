struct Counter {}
struct S { 1: self_qualified_name.Counter c }
