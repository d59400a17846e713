// uuid base type (Apache Thrift 0.18+)
typedef uuid Id

struct WithUuid {
  1: uuid id
  2: optional uuid parent
  3: list<uuid> children
  4: map<uuid, string> names
  5: Id aliased
}
