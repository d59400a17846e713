// targets: thriftpy2 py@0.17
typedef map<string, list<i32>> M
service S { M get() }
