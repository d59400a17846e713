// targets: thriftpy2 py@0.17
typedef i64 UserId,
struct U {
  1: UserId id
}
