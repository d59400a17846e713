// fbthrift's rules on the order of a return clause's parts; every function and
// `T` should be recovered
service S {
  void, stream<i32> voidResponse();
  sink<i32> noFinalResponse();
  sink<i32, i32>, stream<i32> finalResponseInBidi();
  stream<i32>, sink<i32> sinkAfterStream();
  stream<i32>, stream<i32> twoStreams();
  i32, string twoResponses();
  void ok();
}
struct T {}
