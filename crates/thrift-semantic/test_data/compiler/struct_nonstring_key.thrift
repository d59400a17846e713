struct S { 1: i32 a }
const S X = {1: 1}
