// a field with every optional part at once, and a bare minimal field
struct Everything {
  /** doc */ 1: required list<i32> (elem.annotation = "x") & all_parts = [1, 2] (field.annotation = "y"),
  i32 minimal
}

struct XsdEverything xsd_all {
  1: optional Everything & e = {"minimal": 1} xsd_optional xsd_nillable xsd_attrs { 1: i32 attr } (a = "b");
}
