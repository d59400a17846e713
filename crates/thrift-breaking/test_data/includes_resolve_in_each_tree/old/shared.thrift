typedef i32 Id
enum Kind { A }
