/**
 * Entry point of the bookstore example: the public storefront service.
 *
 * Generate code for everything with:
 *   thrift -r --gen py bookstore.thrift
 */

include "common/types.thrift"
include "base.thrift"
include "catalog.thrift"
include "orders.thrift"

namespace cpp bookstore
namespace java com.example.bookstore
namespace py bookstore
namespace go bookstore
namespace js Bookstore

/** Books shown on the front page when there is no personal recommendation. */
const list<types.BookId> FEATURED_BOOKS = [1001, 1002, 1003]

/** Everything the front page needs in one round trip. */
struct FrontPage {
  1: list<catalog.Book> featured
  2: list<orders.Order> recent_orders
  3: map<types.Genre, list<catalog.Book>> by_genre
}

service Storefront extends catalog.CatalogService {
  FrontPage frontPage(1: types.UserId user_id)

  orders.Order checkout(1: types.UserId user_id, 2: list<orders.OrderLine> lines)
    throws (
      1: base.InvalidRequest invalid,
      2: orders.OutOfStock out_of_stock,
      3: base.Unauthorized unauthorized,
    )
}
