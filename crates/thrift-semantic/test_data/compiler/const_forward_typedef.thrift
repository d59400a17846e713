const SomeInt X = [1]
typedef list<i32> SomeInt
