// targets: thriftpy2 py@0.17
const double X = 1e10
const double Y = -.5
