// `&` (C++ reference) between the type and the field name
struct Tree {
  1: list<Tree> children
  2: optional Tree & parent
  3: required Tree &sibling
  4: Tree& other
  5: Tree  &  spaced
}

struct RecList {
  1: RecList & next_item
  3: i16 item
}
