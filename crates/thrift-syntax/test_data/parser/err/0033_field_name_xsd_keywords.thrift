// `xsd_all` and the other `xsd_*` keywords cannot be field names; the other fields and `T` should be recovered
struct S {
  1: i32 before
  2: i32 xsd_all
  3: string xsd_optional
  4: i32 after
}

struct T {
  1: i32 c
}
