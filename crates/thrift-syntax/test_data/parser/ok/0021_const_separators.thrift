// list/map separators are optional and `,`/`;` are interchangeable
const list<i32> MIXED = [1; 2, 3 4]
const list<i32> NONE = [1 2 3]
const list<i32> SEMIS = [1; 2; 3;]
const map<i32, i32> MAP_MIXED = {1: 2; 3: 4, 5: 6 7: 8}
const map<string, i32> MAP_NONE = {"a": 1 "b": 2}
const i32 WITH_SEMI = 1;
const i32 WITH_COMMA = 2,
const i32 WITHOUT = 3
