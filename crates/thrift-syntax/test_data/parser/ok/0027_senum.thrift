// legacy string enum; removed from the compiler in 0.17 but still parsed
// permissively so a lint can point at it
senum Colors {
  "red",
  "green";
  "blue"
  'purple'
}

struct AfterSenum {
  1: string color
}
