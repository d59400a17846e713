// File header comment.

/**
 * The user.
 *   Indented doc lines stay as written.
 */
struct User { // after the brace
  // Leading comment of id.
  1: i64 id, // trailing comment of id
  /* block before name */ 2: string name /* block after name */,

  # shell-style comment, after a blank line
  3: i32 age
  // dangling comment before the closing brace
}

struct Empty {
  // only a comment
}

enum E {
  A, // a
  B  /* b */
}

const list<i32> L = [
  1, // one
  2,
  // before three
  3
]

service S {
  void f(
    1: i32 a, // the a
    2: i32 b
  )
}
// End of file.
