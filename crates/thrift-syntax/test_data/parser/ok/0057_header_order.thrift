// headers of all kinds interleaved in any order, all before the first definition
namespace cpp example
include "shared.thrift"
cpp_include "<vector>"
namespace py example
include "common/types.thrift"
namespace * example
cpp_include "<map>"

const i32 FIRST_DEFINITION = 1
struct S {}
