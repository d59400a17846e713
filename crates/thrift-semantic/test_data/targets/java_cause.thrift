// targets: java@0.17 java
exception Failure {
  1: string cause
}
