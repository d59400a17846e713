// targets: thriftpy2 py@0.17
union U { 1: i32 a; 2: string b; }
