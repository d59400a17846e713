/**
 * Apache Thrift: every construct of the grammar.
 */
include "shared.thrift"
cpp_include "<unordered_map>"
namespace cpp tutorial.gen
namespace * tutorial
namespace xsd test (uri = "http://example.com")
java_package old.style

# shell comment
// line comment
/* block */ /**/

const i32 INT32CONSTANT = 9853
const double PI = 3.14, const double E = 2.7e0;
const i64 HEX = -0x1F
const i32 LEADING_ZERO = 0777
const list<string> NAMES = ['single', "double\t\"quoted\"", "bad\q"]
const map<string, i32> MAPCONSTANT = {"hello": 1, 'world': 2}
const shared.Status STATUS = shared.Status.OK
const i32 (cpp.type = "int32_t") ANNOTATED = 1

typedef i32 MyInteger
typedef list<map<string, set<i64>>> Nested (cpp.template = "std::list")
typedef string (unicode.encoding = "UTF-16") WideString
typedef list cpp_type "std::vector<int>" <i32> Vec

enum Operation {
  ADD = 1,
  SUBTRACT = 0x02;
  MULTIPLY (x = "y")
  DIVIDE = -4
} (enum.annotation = "yes")

senum Legacy { "a", "b" }

struct Work xsd_all {
  1: i32 num1 = 0,
  2: required i32 num2,
  3: optional Operation op = Operation.ADD
  4: optional string comment (deprecated, json.name = "c");
  i32 implicit_id
  -1: shared.SharedStruct & next
  5: list<byte> bytes xsd_optional xsd_nillable xsd_attrs { 6: i32 attr }
  7: i32 string
  8: uuid id = "00000000-0000-0000-0000-000000000000"
  9: slist old
}

union Choice {
  1: i64 number
  2: binary blob
}

exception InvalidOperation {
  1: i32 whatOp,
  2: string why
}

service Calculator extends shared.SharedService {
  void ping(),
  i32 add(1: i32 num1, 2: i32 num2 = 5) (perf = "fast"),
  i32 calculate(1: i32 logid, 2: Work w) throws (1: InvalidOperation ouch),
  oneway void zip()
  async void legacy()
}
