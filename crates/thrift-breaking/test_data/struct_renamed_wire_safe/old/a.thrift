struct Address { 1: string street }
struct Other { 1: i32 x }
struct User {
  1: Address home
  2: Other other
}
