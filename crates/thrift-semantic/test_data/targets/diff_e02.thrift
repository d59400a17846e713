// targets: thriftpy2 py@0.17
namespace py x
