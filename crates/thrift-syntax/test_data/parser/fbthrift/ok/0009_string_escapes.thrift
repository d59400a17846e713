// fbthrift keeps `\` before an uppercase letter as written (Hack names), and
// reads `\xhh`, `\uhhhh` and `\` at the end of a line
const list<string> ONCALLS = ["\Oncalls(1)", '\Foo\Bar'];
const string HEX = "\x41\u00e9\u20AC";
const string SIMPLE = "\n\r\t\\\'\"";
const string CONT = "one \
two";
