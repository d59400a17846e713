// namespace followed by annotations (not allowed after `*`, tested in err/)
namespace xsd test (uri = 'http://thrift.apache.org/ns/ThriftTest')
namespace java org.example (package.prefix = "x", other)
namespace py example.py ()
namespace cpp example.cpp (
  a = "1",
  b = "2",
)

const i32 X = 1
