namespace * x
struct Point {}
