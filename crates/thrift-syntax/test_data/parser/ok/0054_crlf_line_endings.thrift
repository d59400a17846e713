// CRLF line endings on every line
namespace py example.crlf

/**
 * Doc comment with CRLF endings.
 */
struct Crlf {
  1: i32 a  // trailing comment
  2: string b = "text"
}

enum E {
  A = 1,
  B = 2
}
