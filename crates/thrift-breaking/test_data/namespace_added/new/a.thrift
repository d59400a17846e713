namespace java a.b
namespace go a
namespace py a.b
struct A {}
