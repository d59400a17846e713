// targets: thriftpy2 py@0.17
struct Bytes {
  1: byte b
  2: i8 c
  3: binary data
  4: list<binary> chunks
  5: map<string, set<i16>> idx
}
