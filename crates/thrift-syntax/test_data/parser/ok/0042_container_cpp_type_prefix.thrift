// `list cpp_type "T" <elem>` prefix form (Apache Thrift 0.18+)
typedef list cpp_type "std::vector<int32_t>" <i32> IntVector
typedef list cpp_type 'std::deque<std::string>' <string> StringDeque

struct UsesPrefix {
  1: list cpp_type "folly::fbvector<i64>" <i64> values
  2: map<string, list cpp_type "V" <i32>> nested
}
