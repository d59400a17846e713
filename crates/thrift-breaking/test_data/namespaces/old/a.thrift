namespace java com.example.old
namespace py example
namespace * example.all
namespace go example
struct A {}
