// targets: thriftpy2 py@0.17 go@0.17 java@0.17 thriftgo
include "shared/base.thrift"
namespace py example.api
namespace java com.example.api
typedef i64 UserId
const i32 MAX_USERS = 100
const list<string> NAMES = ["a", "b"]
enum Role {
  ADMIN = 1
  USER = 2
}
struct User {
  1: required UserId id
  2: optional string name
  3: Role role = Role.USER
  4: base.Stamp created
}
union Contact {
  1: string email
  2: string phone
}
exception NotFound {
  1: string message
}
service Users extends base.BaseService {
  User get(1: UserId id) throws (1: NotFound nf)
  oneway void touch(1: UserId id)
}
