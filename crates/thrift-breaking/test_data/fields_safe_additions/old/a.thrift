struct User {
  1: i64 id
}
union U {
  1: string a
}
