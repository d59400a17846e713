service Search {
  list<SearchResult> searchEverythingEverywhere(1: string query, 2: i32 limit, 3: i32 offset, 4: SearchOptions options) throws (1: InvalidQuery invalid, 2: Timeout timeout, 3: Unavailable unavailable)
  Result short(1: i32 a) throws (1: Error e)
  Result medium(1: RequestWithLongName request, 2: OptionsWithLongName options) throws (1: ErrorWithLongName e)
}
const list<string> SHORT = ["a", "b"]
const list<string> LONG = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
const map<string, list<i32>> KEPT_BROKEN = {
  "a": [1, 2], "b": [3]
}
struct Annotated {
  1: string name (go.tag = "json:\"name\"", java.annotations = "@Nullable", python.immutable = "", cpp.ref = "true")
} (final = "true")
