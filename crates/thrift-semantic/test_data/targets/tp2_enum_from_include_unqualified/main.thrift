// targets: thriftpy2 py@0.17
include "objs.thrift"
struct Request {
  1: optional list<objs.Foobar> items = [Foobar.ONE]
  2: objs.Foobar one = Foobar.ONE
}
