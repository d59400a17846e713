// INTENTIONALLY BROKEN: a demo of error reporting and recovery.
// It has two syntax errors (marked ERROR below); the compiler rejects it, but a
// recovering parser should still report `Rating`, `Review` and `ReviewService`.

include "../common/types.thrift"

namespace py bookstore.reviews

/** ERROR 1: this struct is missing its closing `}`. */
struct Draft {
  1: types.BookId book_id
  2: string text

enum Rating {
  BAD = 1,
  OK = 2,
  GREAT = 3,
}

/** A published review. */
struct Review {
  1: required types.BookId book_id
  2: required types.UserId author
  3: string text
  4: Rating rating = Rating.OK $ // ERROR 2: `$` is not a Thrift token
}

service ReviewService {
  list<Review> reviewsFor(1: types.BookId book_id)
}
