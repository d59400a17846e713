// identifier shapes: underscores, digits, case, `e10` (an identifier, not a double), dotted refs
include "shared.thrift"

const i32 _leading_underscore = 1
const i32 trailing_underscore_ = 2
const i32 with123digits456 = 3
const i32 e10 = 4
const i32 E5 = e10
const i32 CamelCase = _leading_underscore
const shared.Level QUALIFIED_ENUM = shared.Level.LOW

typedef shared.SharedStruct Imported

struct __Dunder__ {
  1: shared.SharedStruct s
  2: list<shared.SharedStruct> many
  3: map<shared.Level, Imported> by_level
}
