// targets: java@0.17 java
struct Css {
  1: string class
}
