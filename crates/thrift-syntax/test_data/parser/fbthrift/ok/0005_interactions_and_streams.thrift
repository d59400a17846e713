// interactions, performs, factories, stream and sink return clauses
interaction Counter {
  i32 increment();
  void reset();
}

service CounterService {
  performs Counter;
  Counter, i32 createCounter(1: i32 start);
  Counter newCounter();
  stream<i32> numbers(1: i32 count);
  i32, stream<string throws (1: Oops o)> withInitial();
  sink<Chunk, Final> upload();
  Resp, sink<Chunk throws (1: Oops o), Final throws (1: Oops o)> uploadWith();
  idempotent i32 get();
  readonly string name();
  oneway void fire();
}
