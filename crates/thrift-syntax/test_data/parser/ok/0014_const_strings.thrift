// string constants with double and single quotes and every legal escape
const string DQ = "double quoted"
const string SQ = 'single quoted'
const string EMPTY = ""
const string EMPTY_SQ = ''
const string ESCAPES = "line\nfeed\ttab\rreturn"
const string QUOTES = "say \"hi\" and \'bye\'"
const string SQ_QUOTES = 'it\'s "fine"'
const string BACKSLASH = "C:\\path\\to\\file"
const string OTHER_QUOTE_INSIDE = "it's"
const string OTHER_QUOTE_INSIDE_SQ = 'he said "yes"'
const string HASH_AND_SLASHES = "# not a comment // nor this /* nor this */"
