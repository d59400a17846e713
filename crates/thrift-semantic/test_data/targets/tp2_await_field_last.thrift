// targets: thriftpy2 py@0.17
struct Job {
  1: i32 id
}
struct Task {
  1: bool await
}
