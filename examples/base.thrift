/**
 * The base service and the exceptions every bookstore service can throw.
 */

include "common/types.thrift"

namespace cpp bookstore.base
namespace java com.example.bookstore.base
namespace py bookstore.base
namespace go bookstore.base

const string API_VERSION = "1.4.0"

/** The requested entity does not exist. */
exception NotFound {
  1: string message
  /** Which kind of entity was missing, e.g. "book". */
  2: string kind
}

/** The request was malformed; `field` names the offending input. */
exception InvalidRequest {
  1: string message
  2: optional string field
}

/** The caller is not allowed to do this. */
exception Unauthorized {
  1: string message
  2: optional types.UserId user_id
}

/** Operations every service in the bookstore implements. */
service BaseService {
  /** Liveness check. */
  void ping()

  /** Returns API_VERSION. */
  string getVersion()

  /** Server time, for clock-skew checks. */
  types.Timestamp serverTime()
}
