namespace java y
namespace java x
include "a.thrift"
struct Point {}
