struct PostalAddress { 1: string street }
struct Other { 1: i32 x }
struct Place { 1: i32 x }
struct User {
  1: PostalAddress home
  2: Place other
}
