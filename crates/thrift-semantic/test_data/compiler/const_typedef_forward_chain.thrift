typedef Later Early
const Early X = 1
typedef i32 Later
