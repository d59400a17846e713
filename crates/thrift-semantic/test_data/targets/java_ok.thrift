// targets: java@0.17 java
struct A {
  1: i32 foo_bar
  2: i32 baz
  3: string message
}
exception E {
  1: string message
}
