// cpp_type after the element type of a list (deprecated suffix form), and
// cpp_type directly after `map`/`set`
typedef list<i32> cpp_type "std::vector<int32_t>" IntVector
typedef map cpp_type "std::unordered_map<std::string, int>" <string, i32> HashMap
typedef set cpp_type 'std::unordered_set<int>' <i32> HashSet

struct UsesCppTypes {
  1: list<double> cpp_type "folly::fbvector<double>" doubles
  2: map cpp_type "MyMap" <i32, string> m
}
