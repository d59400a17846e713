// targets: thriftpy2 py@0.17
typedef string dynamic
const dynamic D = "x"
