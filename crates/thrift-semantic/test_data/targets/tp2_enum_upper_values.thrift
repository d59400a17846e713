// targets: thriftpy2 py@0.17
enum Level {
  DEFAULT = 0
  NEXT = 1
  END = 2
  NONE = 3
  TRUE = 4
}
