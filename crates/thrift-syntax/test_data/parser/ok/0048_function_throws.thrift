// throws clauses: one and several exceptions, empty, with ids omitted
exception NotFound {
  1: string message
}

exception Denied {
  1: string reason
  2: i32 code
}

service Store {
  string get(1: string key) throws (1: NotFound nf)
  void put(1: string key, 2: string value) throws (1: NotFound nf, 2: Denied denied)
  void remove(1: string key) throws ()
  void legacy(1: string key) throws (NotFound nf; Denied d)
  void multiLine(
    1: string key,
  ) throws (
    1: NotFound nf,
  )
}
