namespace java x
struct Point {}
