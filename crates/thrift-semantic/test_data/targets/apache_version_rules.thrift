// targets: py@0.22 go@0.11 java@0.21 py@0.25 py@0.20
exception E {
  1: string m
}
struct W {
  1: E err
  2: uuid id
  3: i32 next
  4: string from
}
