// targets: thriftpy2 py@0.17
enum Color {
  RED = 1
  GREEN = 2
}
struct Paint {
  1: Color color = Color.GREEN
}
