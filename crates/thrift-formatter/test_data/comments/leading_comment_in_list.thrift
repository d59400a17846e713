// A comment that leads an argument (or a list value) after the first keeps
// the list broken, one element per line: flat, it would follow the previous
// element's comma and read back as that element's trailing comment.
service MyService {
  void has_arg_docs(
    1: /** arg doc*/ i32 s,
    /** arg doc */ 2: string i,
  );
  void own_line(
    1: i32 a,
    /* before b */
    2: i32 b
  );
}
const list<i32> L = [
  1,
  /* two */ 2,
]
