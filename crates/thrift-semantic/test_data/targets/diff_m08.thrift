// targets: thriftpy2 py@0.17
struct A { 1: i32 yield_count, 2: i32 from_id, 3: bool is_async }
