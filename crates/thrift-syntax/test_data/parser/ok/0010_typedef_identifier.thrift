// typedef of an identifier (a struct and another typedef), with separators
struct Point {
  1: i32 x
  2: i32 y
}

typedef Point Coordinate;
typedef Coordinate Location,
typedef list<Location> Path
