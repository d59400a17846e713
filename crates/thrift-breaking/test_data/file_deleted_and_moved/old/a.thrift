struct Moved { 1: i32 x }
struct Stays {}
