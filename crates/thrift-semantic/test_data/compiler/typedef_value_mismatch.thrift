typedef i32 MyInt
const MyInt X = "string"
