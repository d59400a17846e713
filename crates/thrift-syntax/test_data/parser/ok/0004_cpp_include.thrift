// cpp_include headers mixed with include
cpp_include "<unordered_map>"
cpp_include "folly/FBString.h"
include "shared.thrift"
cpp_include 'my/header.h'

typedef i32 MyInt
