// `@Name` / `@Name{...}` structured annotations are fbthrift syntax, not Apache; `S`, `T` and `E` should be recovered
struct Annot {
  1: string value
}

@Annot{value = "x"}
struct S {
  @Annot
  1: i32 a
}

struct T {
  1: i32 b
}

enum E { A = 1 }
