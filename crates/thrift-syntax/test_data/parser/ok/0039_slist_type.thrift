// legacy `slist` type; removed from the compiler in 0.17 but still parsed
// permissively so a lint can suggest `string`
typedef slist OldString

struct WithSlist {
  1: slist name
  2: list<slist> names
}
