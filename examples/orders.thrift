/**
 * Shopping carts and orders.
 */

include "common/types.thrift"
include "base.thrift"
include "catalog.thrift"

namespace cpp bookstore.orders
namespace java com.example.bookstore.orders
namespace py bookstore.orders
namespace go bookstore.orders

typedef i64 OrderId

enum OrderStatus {
  PENDING = 1,
  PAID = 2,
  SHIPPED = 3,
  DELIVERED = 4,
  CANCELLED = -1,
}

/** One line of an order: a book and how many copies. */
struct OrderLine {
  1: required types.BookId book_id
  2: required i32 quantity = 1
  3: types.Money unit_price
}

/** An order placed by a user. */
struct Order {
  1: required OrderId order_id
  2: required types.UserId user_id
  3: list<OrderLine> lines
  4: OrderStatus status = OrderStatus.PENDING
  5: types.Money total
  6: types.Timestamp created_at
  7: optional string shipping_address
}

/** Raised when a book is out of stock. */
exception OutOfStock {
  1: types.BookId book_id
  2: i32 available
}

service OrderService extends base.BaseService {
  Order placeOrder(1: types.UserId user_id, 2: list<OrderLine> lines)
    throws (1: base.InvalidRequest invalid, 2: OutOfStock out_of_stock)

  Order getOrder(1: OrderId order_id) throws (1: base.NotFound not_found)

  list<Order> listOrders(1: types.UserId user_id, 2: types.Page page)

  /** Fire-and-forget: the cancellation is processed asynchronously. */
  oneway void cancelOrder(1: OrderId order_id)

  /** Snapshot of the catalog entries for an order's books. */
  map<types.BookId, catalog.Book> booksInOrder(1: OrderId order_id)
    throws (1: base.NotFound not_found)
}
