// targets: thriftpy2 py@0.17 go@0.17 java@0.17
namespace java com.example.api
namespace go example.top
include "middle.thrift"
struct Top {
  1: middle.Mid mid
}
