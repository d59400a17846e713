// a dotted field name parses (its compiler lexes `a.b` as one identifier); the
// Apache compiler rejects it after parsing, and so does the semantic layer (T1021)
struct S {
  1: string fancy.idl.name
}
