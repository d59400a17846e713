// The old version includes a file that is not there (in either version).
include "types.thrift"

struct User {
  1: types.Id id
}
