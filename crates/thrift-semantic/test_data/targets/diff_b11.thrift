// targets: thriftpy2 py@0.17
const bool B = 2
