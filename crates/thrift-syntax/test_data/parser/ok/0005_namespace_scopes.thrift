// namespace with plain scopes, dotted scopes, unknown scopes and `*`
namespace * star.fallback
namespace cpp apache.thrift.test
namespace java org.apache.thrift.test
namespace py.twisted thrift.test.twisted
namespace cpp.noexist some.thing
namespace netstd ThriftTest
namespace noexist whatever_value
namespace go thrift_test
namespace rb Thrift.Test

struct AfterHeaders {}
