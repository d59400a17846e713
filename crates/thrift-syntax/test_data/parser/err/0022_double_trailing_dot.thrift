// `5.` is not a valid double (a digit must follow the dot); `Y` and `S` should be recovered
const double X = 5.
const double Y = 5.0

struct S {
  1: double d = 1.
  2: double e = 1.5
}
