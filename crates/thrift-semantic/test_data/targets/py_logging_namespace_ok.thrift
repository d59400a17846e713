// targets: thriftpy2 py@0.17
namespace py logging.api
namespace java os.api
struct A {
  1: i32 x
}
