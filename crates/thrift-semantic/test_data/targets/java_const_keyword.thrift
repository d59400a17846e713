// targets: java@0.17 java
const i32 int = 1
