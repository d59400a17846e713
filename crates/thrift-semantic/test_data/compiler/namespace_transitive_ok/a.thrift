include "b.thrift"
struct Other {}
