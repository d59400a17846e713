/**
 * Program doc comment: the first doc comment before the headers.
 */
namespace java example.docs

/** Doc for a typedef. */
typedef i64 Id

/** Doc for a const. */
const i32 LIMIT = 10

/**
 * Doc for an enum.
 */
enum Kind {
  /** Doc for an enum value. */
  A = 1,
  /** Another value. */ B = 2,
}

/** Doc for a struct. */
struct Thing {
  /** Doc for a field. */
  1: Id id
  /** Doc with a
      continuation line without stars */
  2: Kind kind
}

/** Doc for a service. */
service Things {
  /** Doc for a function. */
  Thing get(/** Doc for an argument. */ 1: Id id)
}
