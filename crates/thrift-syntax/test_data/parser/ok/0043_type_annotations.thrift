// annotations on base types, container types and nested element types
typedef string (unicode.encoding = "UTF-16") NonLatin
typedef list< double (cpp.fixed_point = "16") > TinyFloatList
typedef map<string (a = "k"), i32 (b = "v")> (cpp.template = "std::map") Annotated
typedef set<i64> (python.immutable = "") FrozenSet

struct Fields {
  1: i32 (cpp.type = "int32_t") a
  2: list<string (x = "y")> (z = "w") b
  3: binary (python.type = "bytearray") c (field.annotation = "1")
}

const i32 (a = "b") X = 1
