// fbthrift identifiers: `oneway` is a name too, dotted names are one identifier,
// and words that only Apache reserves (`senum`, `async`, `uuid`, `i8`, `slist`,
// `xsd_all`, …) are plain names
service S {
  oneway void oneway();
  void async(1: i32 uuid);
}
enum enum_with_renamed_value {
  fancy.idl.name = 7,
}
struct struct_with_renamed_field {
  1: string fancy.idl.name;
}
struct senum { 1: i32 slist; 2: i8 xsd_all }
typedef i32 cpp_namespace
