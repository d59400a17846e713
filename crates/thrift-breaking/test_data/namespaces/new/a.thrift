namespace java com.example.new
namespace py example
namespace * example.everything
struct A {}
