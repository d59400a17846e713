union U { 1: i32 a = 1, 2: string b }
