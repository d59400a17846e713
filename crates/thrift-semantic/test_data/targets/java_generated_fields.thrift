// targets: java@0.17 java
struct A {
  1: i32 metaDataMap
  2: i32 STRUCT_DESC
}
