// fbthrift: every construct the Apache grammar does not have.
@thrift.TerseWrite
package "meta.com/search/query";

include "thrift/annotation/cpp.thrift"
include "common/search_types.thrift" as other_types
hs_include "Foo.hs"

namespace go "meta.search"

/// A doc comment on the next definition.
@cpp.Type{name = "uint64_t"}
typedef i64 ui64

const float RATIO = 0.5;
const i32 OCTAL = 0777;
const i32 BINARY = 0b101;
const i32 UPPER_HEX = 0X1F;
const string ESCAPES = "\x41\u00e9 and \
continued";
const Foo FOO = Foo{name = "Carl", value = 3, nested = other_types.Bar{x = 1}};

struct Foo {
  @cpp.Ref{type = cpp.RefType.Unique}
  1: optional Foo next; ///< a trailing doc comment
  2: float ratio (cpp.exact = true, python.precision = 3)
  3: string name /**< also trailing */
  4: i32 value = OCTAL
  5: other_types.Bar nested
  6: i32 stream
}

safe transient client exception Oops {
  1: string message
}

stateful server exception Busy {}

interaction Counter {
  i32 increment();
  @Deprecated
  void reset();
}

service Search {
  performs Counter;
  Counter, i32 createCounter();
  idempotent i32 get(@Flag 1: i32 key);
  readonly string name();
  stream<Chunk throws (1: Oops e)> download(1: string path) throws (1: Busy busy);
  Resp, sink<Chunk, Final> upload();
  void ping() (priority = "HIGH")
}
