// container types as field, argument and return types, nested with `>>`
struct Containers {
  1: list<i32> ints
  2: set<string> strings
  3: map<string, i64> counts
  4: map<string,list<i32>> nested
  5: list<list<list<i32>>> deep
  6: map<list<string>, set<i32>> complex_key
  7: list<Containers> recursive
}

service ContainerService {
  map<string, list<i32>> lookup(1: set<string> keys, 2: list<map<i32,i32>> extra)
}
