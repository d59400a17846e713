// a service with void, base, container and identifier return types
struct Item {
  1: i64 id
}

service Catalog {
  void ping()
  bool isAlive()
  i64 count()
  Item get(1: i64 id)
  list<Item> getMany(1: list<i64> ids, 2: i32 limit)
  map<i64, Item> getMap(1: set<i64> ids)
  string describe(1: Item item, 2: bool verbose)
}
