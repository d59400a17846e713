// required, optional and default requiredness
struct Requiredness {
  1: required i32 a
  2: optional i32 b
  3: i32 c
  required string d
  optional string e
}

union U {
  1: required i32 only_warns
  2: optional string b
}
