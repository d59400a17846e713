// targets: thriftpy2 py@0.17
const string S = "tab\tquote\" single\' back\\ nl\n"
