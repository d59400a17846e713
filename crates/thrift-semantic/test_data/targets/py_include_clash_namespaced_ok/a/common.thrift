namespace py a.common
struct Left {
  1: i32 x
}
