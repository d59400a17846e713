// targets: java@0.17 java
struct Failure {
  1: string cause
}
