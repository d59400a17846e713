include "shared.thrift"
struct S { 1: shared.Id id, 2: shared.Kind kind }
