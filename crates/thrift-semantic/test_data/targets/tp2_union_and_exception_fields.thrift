// targets: thriftpy2 py@0.17
union U {
  1: string from_addr
  2: i32 await
}
exception E {
  1: string message
}
