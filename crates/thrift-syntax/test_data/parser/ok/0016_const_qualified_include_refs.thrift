// constants that refer to constants and enum values from an included file
include "shared.thrift"

const i32 FROM_INCLUDE = shared.SHARED_CONST
const shared.Level LEVEL = shared.Level.HIGH
const list<i32> MIXED = [shared.SHARED_CONST, 1, 2]
