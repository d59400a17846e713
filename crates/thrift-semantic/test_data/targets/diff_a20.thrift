// targets: thriftpy2 py@0.17
const double D = 1
