// A comment and a new optional field are safe.
struct User {
  1: i64 id,
  2: optional string name
  3: string email
}
union U {
  1: string a
  2: i64 b
}
