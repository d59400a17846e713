// targets: thriftpy2 py@0.17
struct thrift_services { 1: i32 x }
