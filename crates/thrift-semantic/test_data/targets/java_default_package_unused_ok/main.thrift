// targets: java@0.17 java
namespace java com.example.api
include "common.thrift"
struct User {
  1: i64 created
}
