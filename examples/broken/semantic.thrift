// Parses fine, but has semantic problems that `thrift-lint check` reports:
// an unknown include prefix, a duplicate field id, a missing field id,
// a value of the wrong type, and a oneway function that throws.

include "../common/types.thrift"

struct Review {
  1: required types.UserId author
  2: string text
  2: i32 stars = "five"   // duplicate id, and a string for an i32
  string note             // no field id
  4: catalog.Book book    // `catalog` is not included here
}

exception Rejected {
  1: string reason
}

service Reviews {
  oneway void submit(1: Review review) throws (1: Rejected rejected)
}
