// targets: thriftpy2 py@0.17
struct A { 1: i32 type, 2: string id, 3: string hash, 4: string format, 5: string input, 6: i32 max, 7: i32 min, 8: string map_name }
