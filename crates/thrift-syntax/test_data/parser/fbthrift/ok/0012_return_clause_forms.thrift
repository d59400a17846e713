// every return clause fbthrift's grammar takes:
// [Interaction ","] (void | Type | Sink | Stream) ["," (Sink | Stream)] ["," Stream]
interaction I {
  i32 get();
}

service S {
  stream<i32> a();
  stream<i32 throws (1: Oops o)> b();
  Resp, stream<i32 throws (1: Oops o)> c();
  sink<Chunk, Final> d();
  sink<Chunk throws (1: Oops o), Final throws (2: Oops p)> e();
  Resp, sink<Chunk, Final> f();
  sink<i32>, stream<i16> bidi();
  string, sink<i32>, stream<i16> bidiWithResponse();
  sink<i64 throws (1: SinkOops ex)>, stream<
    i64 throws (1: StreamOops ex)
  > bidiThrows() throws (1: Oops ex);
  I createI();
  I, Resp createWithResponse();
  I, stream<i32> createWithStream();
  I, Resp, stream<i32> createWithBoth();
  I, sink<Chunk, Final> createWithSink();
  I, Resp, sink<i32>, stream<i16> createBidi();
  inc.I, list<i32> qualified();
  void plain();
}
