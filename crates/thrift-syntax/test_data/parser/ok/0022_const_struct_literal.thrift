// structs are initialised with map syntax keyed by field-name strings
struct Point {
  1: i32 x
  2: i32 y
  3: optional string label
}

const Point ORIGIN = {"x": 0, "y": 0}
const Point LABELED = {"x": 1, "y": 2, "label": "p"}
const list<Point> POINTS = [{"x": 1, "y": 1}, {"x": 2, "y": 2}]
const map<string, Point> BY_NAME = {"origin": {"x": 0, "y": 0}}

struct Line {
  1: Point from_point = {"x": 0, "y": 0}
  2: Point to_point = {"x": 1, "y": 1, "label": "end"}
}
