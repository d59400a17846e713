// include headers: plain, relative with subfolder, parent dir, single quotes
include "shared.thrift"
include "common/types.thrift"
include "../inc/lib.thrift"
include 'single_quoted.thrift'

struct UsesNothing {
  1: i32 a
}
