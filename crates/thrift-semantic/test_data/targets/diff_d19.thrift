// targets: thriftpy2 py@0.17
const double D = 1e5
const double E = 1E-5
const double F = +1.0
