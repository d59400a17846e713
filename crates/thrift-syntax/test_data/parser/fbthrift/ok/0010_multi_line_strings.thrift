// an fbthrift string runs to its closing quote, across lines
const string MULTI = "This
is a
multi line string.
";
const string QUOTES = 'a "double" quote
and an escaped \' one';
const string MIXED = "Line 1
Line 2
...\
Last";
@Annotation{items = {"multi": "line one
line two", "single": "value"}}
struct S {
  1: string s (doc = "first line
second line");
}
