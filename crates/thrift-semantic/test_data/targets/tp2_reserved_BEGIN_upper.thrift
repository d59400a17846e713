// targets: thriftpy2 py@0.17
enum Marker {
  BEGIN = 1
  END = 2
}
