// targets: thriftpy2 py@0.17
struct Range {
  1: i64 begin
  2: i64 end
}
