// typedef with annotations after the name and on the type
typedef i64 Timestamp (cpp.type = "std::chrono::milliseconds")
typedef string (unicode.encoding = "UTF-16") WideString (deprecated)
typedef list<string> Names (a = "1", b = "2");
typedef map<string, string> (cpp.template = "std::unordered_map") Props
