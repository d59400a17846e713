// targets: thriftpy2 py@0.17
struct Task {
  1: bool async
}
struct Job {
  1: i32 id
}
