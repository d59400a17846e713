// fields with default values of every kind
enum Mode { ON = 1, OFF = 2 }

const i32 DEFAULT_SIZE = 16

struct Defaults {
  1: i32 num = 42
  2: double ratio = .5
  3: string name = "anon"
  4: bool flag = true
  5: Mode mode = Mode.ON
  6: list<i32> nums = [1, 2, 3]
  7: map<string, i32> counts = {"a": 1}
  8: set<string> tags = []
  9: optional i32 size = DEFAULT_SIZE
  10: required i64 big = 0xFFFFFFFFFF
  11: binary data = "raw"
  i32 implicit_with_default = -1
}
