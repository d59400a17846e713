// typedef of container types, including nested ones and `>>`
typedef list<i32> IntList
typedef set<string> StringSet
typedef map<string, i64> Counts
typedef map<string,list<i32>> Nested
typedef list<map<i32, set<string>>> DeeplyNested
typedef list < i32 > Spaced
