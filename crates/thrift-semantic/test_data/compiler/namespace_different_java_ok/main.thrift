namespace java x
include "a.thrift"
typedef string UUID
