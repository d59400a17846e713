// `xsd_all` is allowed on struct/union but not on exception; `Ok` and `E` should be recovered
exception E1 xsd_all {
  1: string message
}

struct Ok xsd_all {
  1: i32 a
}

exception E {
  1: string message
}
