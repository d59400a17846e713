// fbthrift rejects `\` before anything but n r t \ ' " x u, an uppercase letter or a
// line end, and short or surrogate \x/\u escapes; `S` should be recovered
const string LOWER = "\q";
const string DIGIT = "\0";
const string SHORT_X = "\x4";
const string SHORT_U = "\u00e";
const string SURROGATE = "\uD800";
struct S {}
