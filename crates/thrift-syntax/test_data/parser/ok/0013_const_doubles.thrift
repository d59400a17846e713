// double constant forms
const double ONE = 1.0
const double HALF = .5
const double NEG_HALF = -.5
const double EXP = 1e10
const double EXP_UPPER = 1E10
const double EXP_NEG = 2.5e-3
const double SIGNED = +1.5e+3
const double NEG_EXP = -1.5E-3
const double INT_AS_DOUBLE = 3
const double LONG_FRACTION = 3.14159265358979
