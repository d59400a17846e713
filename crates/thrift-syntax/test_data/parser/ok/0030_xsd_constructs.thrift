// xsd_all, xsd_optional, xsd_nillable and xsd_attrs (legacy, still accepted)
struct Attrs {
  1: i32 a
}

struct S xsd_all {
  1: i32 a xsd_optional xsd_nillable xsd_attrs { 2: i32 b }
  2: string c xsd_optional
  3: string d xsd_nillable
  4: string e xsd_attrs { 1: i32 x, 2: string y }
  5: i32 f = 5 xsd_optional (a = "b")
}

union U xsd_all {
  1: i32 a
  2: string b
}
