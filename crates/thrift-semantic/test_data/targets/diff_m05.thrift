// targets: thriftpy2 py@0.17
service S { void f(1: string name, 2: i32 id, 3: list<string> tags) }
