// targets: thriftpy2 py@0.17
// just a comment
