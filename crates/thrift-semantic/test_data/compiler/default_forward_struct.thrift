struct T { 1: Later x = {"a": 1} }
struct Later { 1: i32 a }
