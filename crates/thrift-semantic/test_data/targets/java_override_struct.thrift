// targets: java@0.17 java
struct Override {
  1: i32 x
}
