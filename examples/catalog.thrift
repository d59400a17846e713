/**
 * Books and authors.
 */

include "common/types.thrift"
include "base.thrift"

namespace cpp bookstore.catalog
namespace java com.example.bookstore.catalog
namespace py bookstore.catalog
namespace go bookstore.catalog

/** Human-readable labels for each genre, used by the web front end. */
const map<types.Genre, string> GENRE_LABELS = {
  types.Genre.FICTION: "Fiction",
  types.Genre.NON_FICTION: "Non-fiction",
  types.Genre.SCIENCE: "Science",
  types.Genre.HISTORY: "History",
  types.Genre.CHILDREN: "Children's books",
}

const i32 MAX_AUTHORS_PER_BOOK = 16

/** A person who wrote one or more books. */
struct Author {
  1: required i64 author_id
  2: required string name
  3: optional string biography
}

/** A book in the catalog. */
struct Book {
  1: required types.BookId book_id
  2: required string title
  /** At most MAX_AUTHORS_PER_BOOK entries. */
  3: list<Author> authors = []
  4: optional types.Isbn isbn
  5: types.Genre genre = types.Genre.FICTION
  6: types.Money price
  7: set<string> tags
  8: optional types.Timestamp published_at
}

/** Search criteria; every field is optional and they are combined with AND. */
struct BookQuery {
  1: optional string title_contains
  2: optional types.Genre genre
  3: optional i64 author_id
  4: types.Page page = {"offset": 0, "limit": 20}
}

service CatalogService extends base.BaseService {
  Book getBook(1: types.BookId book_id) throws (1: base.NotFound not_found)

  list<Book> search(1: BookQuery query) throws (1: base.InvalidRequest invalid)

  /** Adds a book; only staff may call this. */
  types.BookId addBook(1: Book book, 2: types.UserId caller)
    throws (1: base.InvalidRequest invalid, 2: base.Unauthorized unauthorized)
}
