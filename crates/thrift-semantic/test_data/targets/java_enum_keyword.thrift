// targets: java@0.17 java
enum Kind {
  int = 1
  class = 2
}
