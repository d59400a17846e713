// Apache Thrift strings end on their line and know only \n \r \t \\ \' \":
// `\O` and a string over two lines are errors; `S` should be recovered
const list<string> ONCALLS = ["\Oncalls(1)"]
const string MULTI = "line one
line two"
struct S {}
