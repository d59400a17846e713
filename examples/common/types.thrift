/**
 * Shared scalar types and enums for the bookstore example.
 *
 * This file is included by every other file as "common/types.thrift", so its
 * definitions are referred to as `types.UserId`, `types.Genre.FICTION`, ...
 */

namespace cpp bookstore.types
namespace java com.example.bookstore.types
namespace py bookstore.types
namespace go bookstore.types
namespace netstd Bookstore.Types
namespace * bookstore.types

/** Opaque user identifier. */
typedef i64 UserId

/** Opaque book identifier. */
typedef i64 BookId

/** ISBN-13, digits only. */
typedef string Isbn

/** Milliseconds since the Unix epoch, UTC. */
typedef i64 Timestamp

enum Currency {
  USD = 1,
  EUR = 2,
  JPY = 3,
}

/** An amount of money in the smallest unit of its currency (cents). */
struct Money {
  1: required i64 amount_minor
  2: required Currency currency = Currency.USD
}

enum Genre {
  FICTION = 1,
  NON_FICTION = 2,
  SCIENCE = 3,
  HISTORY = 4,
  CHILDREN = 5,
  /** Kept for old clients; use NON_FICTION. */
  BIOGRAPHY = 6 (deprecated = "use NON_FICTION"),
}

/** A page request shared by every list call. */
struct Page {
  1: i32 offset = 0
  2: i32 limit = 20 (max = "100")
}
