/// A doc comment in the triple-slash style.
struct S {
  /// The id.
  1: i64 id; ///< trailing doc for id
  2: string name; /**< trailing block doc for name */
}
