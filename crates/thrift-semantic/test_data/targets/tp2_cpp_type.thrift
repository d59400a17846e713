// targets: thriftpy2 py@0.17
struct X {
  1: list<string> cpp_type "std::vector<std::string>" names
}
