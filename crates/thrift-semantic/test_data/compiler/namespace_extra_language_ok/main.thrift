namespace java x
namespace py y
include "a.thrift"
struct Point {}
