// function arguments with defaults, requiredness, annotations; annotations on functions and service
enum Mode { FAST = 1, SAFE = 2 }

service Tuned {
  i32 compute(1: i32 a = 5, 2: Mode mode = Mode.FAST, 3: list<i32> extra = [1, 2])
  void optionalArg(1: optional i32 ignored, 2: required string name)
  void annotatedArg(1: string name (api.param = "name")) (api.method = "POST", deprecated)
  oneway void annotatedOneway() (priority = "low")
  void noIds(string a, i32 b = 3)
} (api.service = "tuned", version = "2")
