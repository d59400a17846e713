namespace * x
namespace java x
struct Point {}
