// targets: java@0.17 java
union U {
  1: i32 field
  2: string value
}
