// targets: thriftpy2 py@0.17
typedef list<string> Names
service S {
  Names get(1: Names names, 2: map<string, Names> by_group) throws (1: Err err)
}
exception Err {
  1: string message
}
