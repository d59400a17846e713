namespace java com.example.mid
include "lib/base.thrift"
struct Mid {
  1: base.Base b
}
